namespace ImageBench.Scoring.Text;

/// <summary>
/// Re-cuts a reading into the expected string's words. OCR engines glue words ("7 AMEYERY DAY", PP-OCR's habit)
/// or split them; aligned word by word, a glued word hides the typo inside it (AM missing, EVERY → AMEYERY).
/// Aligning the space-free strings character by character and also cutting the reading where the expected word
/// boundaries fall gives "7 AM EYERY DAY" back, so the typo reads EVERY → EYERY. Read words are only ever split,
/// never joined, so a genuinely extra word ("AM NOW EVERY") stays an extra word.
/// </summary>
public static class Resegmentation
{
    /// <summary>
    /// <paramref name="readWords"/>, each further cut where a boundary between <paramref name="expectedWords"/>
    /// falls inside it (aligned without spaces; characters inserted at a boundary go to the following piece).
    /// </summary>
    public static IReadOnlyList<string> Like(IReadOnlyList<string> expectedWords, IReadOnlyList<string> readWords)
    {
        var readCompact = string.Concat(readWords);
        var cuts = new SortedSet<int>(ExpectedBoundaries(expectedWords, readCompact));
        int end = 0;
        foreach (var word in readWords) cuts.Add(end += word.Length);
        var pieces = new List<string>(cuts.Count);
        int from = 0;
        foreach (int to in cuts)
        {
            if (to > from && to <= readCompact.Length) pieces.Add(readCompact[from..to]);
            from = Math.Max(from, to);
        }
        return pieces;
    }

    /// <summary>Positions in <paramref name="readCompact"/> aligned with the ends of each expected word but the last.</summary>
    private static IEnumerable<int> ExpectedBoundaries(IReadOnlyList<string> expectedWords, string readCompact)
    {
        var expected = string.Concat(expectedWords);
        int n = expected.Length, m = readCompact.Length;
        var d = new int[n + 1, m + 1];
        for (int i = 0; i <= n; i++) d[i, 0] = i;
        for (int j = 0; j <= m; j++) d[0, j] = j;
        for (int i = 1; i <= n; i++)
        {
            for (int j = 1; j <= m; j++)
            {
                d[i, j] = Math.Min(d[i - 1, j - 1] + (expected[i - 1] == readCompact[j - 1] ? 0 : 1), Math.Min(d[i - 1, j], d[i, j - 1]) + 1);
            }
        }
        // cut[i] = the smallest read position the optimal path visits while i expected characters are consumed.
        var cut = new int[n + 1];
        Array.Fill(cut, int.MaxValue);
        int a = n, b = m;
        cut[a] = b;
        while (a > 0 || b > 0)
        {
            if (a > 0 && b > 0 && d[a, b] == d[a - 1, b - 1] + (expected[a - 1] == readCompact[b - 1] ? 0 : 1)) { a--; b--; }
            else if (a > 0 && d[a, b] == d[a - 1, b] + 1) a--;
            else b--;
            cut[a] = Math.Min(cut[a], b);
        }
        int consumed = 0;
        for (int k = 0; k < expectedWords.Count - 1; k++)
        {
            consumed += expectedWords[k].Length;
            yield return cut[consumed];
        }
    }
}
