using System.Text;

namespace ImageBench.Scoring.Text;

/// <summary>
/// A string in the three forms matching uses. <see cref="Raw"/> keeps case and punctuation (NFKC and collapsed
/// spaces only) so case and quote/dash differences can be reported; <see cref="Normal"/> is what is compared
/// (NFKC as in <see cref="CompatibilityFolding"/>, straight quotes and dashes, upper case, single spaces);
/// <see cref="Compact"/> drops the spaces, because
/// OCR engines glue or split words ("AMEYERY") far more often than models do.
/// </summary>
public sealed record NormalizedText(string Raw, string Normal, string Compact)
{
    public IReadOnlyList<string> Words => Normal.Length == 0 ? [] : Normal.Split(' ');

    public static NormalizedText Of(string text)
    {
        var raw = CollapseSpaces(CompatibilityFolding.Nfkc(text));
        var normal = StraightenPunctuation(raw).ToUpperInvariant();
        return new NormalizedText(raw, normal, normal.Replace(" ", "", StringComparison.Ordinal));
    }

    /// <summary>Curly quotes, primes and typographic dashes to their ASCII forms.</summary>
    public static string StraightenPunctuation(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            builder.Append(c switch
            {
                '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '`' or '\u00B4' => '\'',
                '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB' => '"',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => '-',
                _ => c,
            });
        }
        return builder.ToString();
    }

    private static string CollapseSpaces(string text)
    {
        var builder = new StringBuilder(text.Length);
        bool pendingSpace = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }
            builder.Append(c);
        }
        return builder.ToString();
    }
}
