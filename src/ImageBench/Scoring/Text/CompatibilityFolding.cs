using System.Collections.Frozen;
using System.Text;

namespace ImageBench.Scoring.Text;

/// <summary>
/// NFKC for matching. The project runs with InvariantGlobalization, where .NET's string.Normalize leaves text
/// unchanged (no ICU), so when the runtime cannot normalise, a built-in subset is used: compatibility folding of
/// Latin-1 and Latin Extended, general punctuation, super- and subscripts, letterlike symbols, number forms,
/// enclosed alphanumerics, Latin ligatures (ﬁ → fi), fullwidth and halfwidth forms (ＡＢＣ → ABC) and the
/// ideographic space; then canonical composition of Latin letters with combining marks (e + ◌́ → é).
/// Text outside those ranges (CJK ideographs, Hangul, Arabic presentation forms) passes through unchanged.
/// </summary>
internal static partial class CompatibilityFolding
{
    private static readonly bool RuntimeNormalizes = "\uFB01".Normalize(NormalizationForm.FormKC) == "fi";

    private static readonly FrozenDictionary<char, string> Fold =
        FoldEntries.ToFrozenDictionary(e => e[0], e => e[1..]);

    private static readonly FrozenDictionary<(char Base, char Mark), char> Compose =
        CompositionEntries.ToFrozenDictionary(e => (e[0], e[1]), e => e[2]);

    public static string Nfkc(string text)
    {
        if (RuntimeNormalizes)
        {
            return text.Normalize(NormalizationForm.FormKC);
        }
        var folded = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (Fold.TryGetValue(c, out var replacement)) folded.Append(replacement);
            else folded.Append(c);
        }
        var composed = new StringBuilder(folded.Length);
        for (int i = 0; i < folded.Length; i++)
        {
            char c = folded[i];
            if (composed.Length > 0 && Compose.TryGetValue((composed[^1], c), out char precomposed))
            {
                composed[^1] = precomposed;
            }
            else
            {
                composed.Append(c);
            }
        }
        return composed.ToString();
    }
}
