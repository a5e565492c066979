namespace ImageBench.Scoring.Text;

/// <summary>Edit distance (unit cost insert, delete, substitute) and the character error rate built on it.</summary>
public static class Levenshtein
{
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Length < b.Length)
        {
            (a, b) = (b, a);
        }
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int substitute = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitute, Math.Min(previous[j], current[j - 1]) + 1);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    /// <summary>Lev(expected, read) / |expected|; 0 for two empty strings, so an empty expectation never fails.</summary>
    public static double CharacterErrorRate(string expected, string read) =>
        expected.Length == 0 ? (read.Length == 0 ? 0 : 1) : (double)Distance(expected, read) / expected.Length;

    /// <summary>
    /// CER of two strings after normalisation, the smaller of with and without spaces; 0 exactly when the
    /// normalised strings are equal once spaces are ignored.
    /// </summary>
    public static double NormalizedCer(NormalizedText expected, NormalizedText read) =>
        Math.Min(CharacterErrorRate(expected.Normal, read.Normal), CharacterErrorRate(expected.Compact, read.Compact));
}
