namespace ImageBench.Emulator.Scenes;

/// <summary>
/// Crude word handling shared by the prompt parser and the emulated judge: lower-case words with a naive
/// singular, so "croissants" in a prompt meets "croissant" in a question. Good enough for an emulator, not English.
/// </summary>
internal static class SceneWords
{
    private static readonly Dictionary<string, int> Numbers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["single"] = 1,
        ["zero"] = 0, ["no"] = 0,
    };

    /// <summary>A number word or a run of digits ("32-bit" and "60-year-old" are not numbers); "no" only when <paramref name="allowNo"/>.</summary>
    public static int? Number(string token, bool allowNo = false)
    {
        if (token.Length > 0 && token.Length <= 4 && token.All(char.IsAsciiDigit)) return int.Parse(token, System.Globalization.CultureInfo.InvariantCulture);
        if (!allowNo && token.Equals("no", StringComparison.OrdinalIgnoreCase)) return null;
        return Numbers.TryGetValue(token, out var n) ? n : null;
    }

    /// <summary>Tokens split on anything but letters, digits and hyphens (so "60-year-old" stays one token).</summary>
    public static string[] Tokens(string text) => [.. SplitWhere(text, c => !(char.IsLetterOrDigit(c) || c == '-'))];

    /// <summary>Lower-case singular words, hyphenated words split, for matching names ("pixel-art" → pixel, art).</summary>
    public static string[] Normalized(string text) =>
        SplitWhere(text.ToLowerInvariant(), c => !char.IsLetterOrDigit(c)).Select(Singular).ToArray();

    /// <summary>The non-empty runs of <paramref name="text"/> between characters that pass <paramref name="separator"/>.</summary>
    private static List<string> SplitWhere(string text, Func<char, bool> separator)
    {
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && !separator(text[i])) continue;
            if (i > start) parts.Add(text[start..i]);
            start = i + 1;
        }
        return parts;
    }

    public static string Singular(string word) => word switch
    {
        { Length: > 4 } when word.EndsWith("ies", StringComparison.Ordinal) => word[..^3] + "y",
        { Length: > 4 } when word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal)
                             || word.EndsWith("sses", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal) => word[..^2],
        { Length: > 3 } when word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal) => word[..^1],
        _ => word,
    };

    /// <summary>Where <paramref name="needle"/> occurs as consecutive words in <paramref name="haystack"/>, or -1.</summary>
    public static int IndexOf(string[] haystack, string[] needle)
    {
        if (needle.Length == 0) return -1;
        for (var i = 0; i + needle.Length <= haystack.Length; i++)
        {
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle)) return i;
        }
        return -1;
    }

    public static bool Contains(string[] haystack, string[] needle) => IndexOf(haystack, needle) >= 0;
}
