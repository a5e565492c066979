using System.Text.RegularExpressions;

namespace ImageBench.Emulator.Scenes;

/// <summary>An object a prompt names with a count: "three croissants" → ("croissants", 3).</summary>
public sealed record CountedObject(string Name, int Count);

/// <summary>
/// Finds the counted objects of a prompt crudely: a count word (a, an, one…twelve, single, digits) followed by up to
/// four words, cut at punctuation, prepositions and -ing verbs. "a wooden bench beside the door" → wooden bench × 1.
/// Quoted strings are text to draw, not objects, and are skipped. Misses uncounted objects ("copper bowl") on purpose:
/// the emulated judge only claims to know what the prompt counted.
/// </summary>
public static partial class PromptObjects
{
    private const int MaxWords = 4;

    private static readonly HashSet<string> Stops = new(StringComparer.OrdinalIgnoreCase)
    {
        "with", "in", "on", "at", "from", "of", "beside", "by", "near", "under", "over", "inside", "into", "onto",
        "to", "for", "and", "or", "that", "which", "while", "the", "a", "an", "behind", "above", "below", "next",
        "against", "around", "between", "is", "are", "as",
    };

    public static IReadOnlyList<CountedObject> In(string prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var found = new List<CountedObject>();
        foreach (var clause in Clauses().Split(Quoted().Replace(prompt, " , ")))
        {
            var tokens = SceneWords.Tokens(clause).Where(t => t.Length > 0).ToArray();
            for (var i = 0; i < tokens.Length; i++)
            {
                if (CountAt(tokens, ref i) is not { } count) continue;
                var words = new List<string>();
                var j = i + 1;
                for (; j < tokens.Length && words.Count < MaxWords; j++)
                {
                    var word = tokens[j];
                    if (Stops.Contains(word) || (words.Count > 0 && word.EndsWith("ing", StringComparison.OrdinalIgnoreCase))) break;
                    words.Add(word.ToLowerInvariant());
                }
                if (words.Count == 0) continue;
                var name = string.Join(' ', words);
                if (!found.Any(o => o.Name == name)) found.Add(new CountedObject(name, count));
                i = j - 1;
            }
        }
        return found;
    }

    /// <summary>The count at tokens[i] ("a single" reads as one word), advancing past it; null when tokens[i] is no count.</summary>
    private static int? CountAt(string[] tokens, ref int i)
    {
        var token = tokens[i];
        if (token.Equals("a", StringComparison.OrdinalIgnoreCase) || token.Equals("an", StringComparison.OrdinalIgnoreCase))
        {
            if (i + 1 < tokens.Length && tokens[i + 1].Equals("single", StringComparison.OrdinalIgnoreCase)) i++;
            return 1;
        }
        return SceneWords.Number(token);
    }

    [GeneratedRegex("\"[^\"]*\"|“[^”]*”")]
    private static partial Regex Quoted();

    [GeneratedRegex("[,.;:—–()\\n]")]
    private static partial Regex Clauses();
}
