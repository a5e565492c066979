using System.Globalization;

namespace ImageBench.Scoring.Judge;

/// <summary>
/// Turns an object's name, count and placement into plain English questions. Deliberately naive (the last word
/// before "with"/"of"/… is the noun; English plural rules for regular nouns; a short list of mass nouns): a
/// user who wants other wording freezes the checklist in the suite and edits it.
/// </summary>
internal static class ChecklistPhrasing
{
    private static readonly string[] NumberWords = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
    private static readonly string[] Connectors = [" with ", " of ", " in ", " on ", " from ", " for ", " beside ", " near ", " under ", " over "];
    private static readonly HashSet<string> MassNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "flour", "fog", "mist", "smoke", "steam", "thread", "water", "sand", "snow", "grass", "hair", "light", "rain",
        "dust", "foam", "milk", "coffee", "tea", "sugar", "salt", "butter", "parchment", "paper", "fabric", "ice",
        "fire", "wool", "silk", "cloth", "linen", "soot", "blood", "moss", "rust", "sky", "text", "grain",
    };
    private static readonly HashSet<string> PlacePrefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "top", "bottom", "left", "right", "upper", "lower", "center", "centre", "middle", "foreground", "background", "corner",
    };

    public static string Number(int n) => n >= 0 && n < NumberWords.Length ? NumberWords[n] : n.ToString(CultureInfo.InvariantCulture);

    /// <summary>"Is there a croissant?", "Is there scattered flour?", "Are there soot streaks?".</summary>
    public static string Presence(string name) =>
        IsPlural(name) ? $"Are there {name}?" : IsMass(name) ? $"Is there {name}?" : $"Is there {Article(name)} {name}?";

    /// <summary>"Is there exactly one brown egg?", "Are there exactly three croissants?".</summary>
    public static string ExactCount(string name, int count) => count switch
    {
        0 => $"Is the image free of any {Plural(name)}?",
        1 when !IsPlural(name) => $"Is there exactly one {name}?",
        _ => $"Are there exactly {Number(count)} {Plural(name)}?",
    };

    /// <summary>"Is the brown egg in a linen napkin?", "Are the croissants on parchment?", "Is the cup in the lower right?".</summary>
    public static string Placement(string name, int? count, string placement)
    {
        var many = count > 1 || IsPlural(name);
        var subject = many ? Plural(name) : name;
        var the = subject.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? "" : "the ";
        return $"{(many ? "Are" : "Is")} {the}{subject} {Where(placement.Trim())}?";
    }

    /// <summary>Bare locations ("lower right", "top") read as "in the lower right"; prepositional phrases stay.</summary>
    private static string Where(string placement)
    {
        var first = placement.Split(' ', '-')[0];
        if (!PlacePrefixes.Contains(first)) return placement;
        return placement.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? "in " + placement : "in the " + placement;
    }

    /// <summary>Pluralises the noun before the first connector: "sprig of rosemary" → "sprigs of rosemary".</summary>
    public static string Plural(string name)
    {
        if (IsPlural(name) || IsMass(name)) return name;
        var (head, tail) = Split(name);
        var space = head.LastIndexOf(' ');
        var noun = head[(space + 1)..];
        return head[..(space + 1)] + PluralOf(noun) + tail;
    }

    private static string PluralOf(string noun)
    {
        var lower = noun.ToLowerInvariant();
        if (lower.EndsWith('s') || lower.EndsWith('x') || lower.EndsWith('z') || lower.EndsWith("ch", StringComparison.Ordinal) || lower.EndsWith("sh", StringComparison.Ordinal))
            return noun + "es";
        if (lower.Length > 1 && lower[^1] == 'y' && !"aeiou".Contains(lower[^2], StringComparison.Ordinal))
            return noun[..^1] + "ies";
        return noun + "s";
    }

    private static bool IsPlural(string name)
    {
        var noun = HeadNoun(name).ToLowerInvariant();
        return noun.Length > 2 && noun.EndsWith('s') && !noun.EndsWith("ss", StringComparison.Ordinal) && !noun.EndsWith("us", StringComparison.Ordinal) && !noun.EndsWith("is", StringComparison.Ordinal);
    }

    private static bool IsMass(string name) => MassNouns.Contains(HeadNoun(name));

    private static string HeadNoun(string name)
    {
        var head = Split(name).Head;
        return head[(head.LastIndexOf(' ') + 1)..];
    }

    private static (string Head, string Tail) Split(string name)
    {
        var cut = Connectors.Select(c => name.IndexOf(c, StringComparison.OrdinalIgnoreCase)).Where(i => i > 0).DefaultIfEmpty(name.Length).Min();
        return (name[..cut], name[cut..]);
    }

    private static string Article(string name) => "aeiouAEIOU".Contains(name[0], StringComparison.Ordinal) ? "an" : "a";
}
