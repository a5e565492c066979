using System.Text.RegularExpressions;

namespace ImageBench.Emulator.Rendering;

/// <summary>The text a prompt asks to appear in the image: every "straight" or “curly” double-quoted string.</summary>
internal static partial class QuotedStrings
{
    public static IReadOnlyList<string> In(string prompt) =>
        Quoted().Matches(prompt)
            .Select(m => (m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value).Trim())
            .Where(s => s.Length > 0)
            .ToList();

    [GeneratedRegex("\"([^\"]+)\"|\u201C([^\u201D]+)\u201D")]
    private static partial Regex Quoted();
}
