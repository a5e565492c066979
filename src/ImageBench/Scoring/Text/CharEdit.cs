namespace ImageBench.Scoring.Text;

/// <summary>
/// One character-level difference inside a misspelt word. <see cref="Position"/> is 1-based in the expected word
/// (for an insertion: the position the extra character precedes); a null side means nothing there.
/// </summary>
public sealed record CharEdit(int Position, char? Expected, char? Read)
{
    public override string ToString() => (Expected, Read) switch
    {
        ({ } e, { } r) => $"{e}→{r} at {Position}",
        ({ } e, null) => $"-{e} at {Position}",
        (null, { } r) => $"+{r} at {Position}",
        _ => "",
    };

    /// <summary>The edits turning <paramref name="expected"/> into <paramref name="read"/> (a Levenshtein backtrace).</summary>
    public static IReadOnlyList<CharEdit> Between(string expected, string read)
    {
        int n = expected.Length, m = read.Length;
        var d = new int[n + 1, m + 1];
        for (int i = 0; i <= n; i++) d[i, 0] = i;
        for (int j = 0; j <= m; j++) d[0, j] = j;
        for (int i = 1; i <= n; i++)
        {
            for (int j = 1; j <= m; j++)
            {
                d[i, j] = Math.Min(d[i - 1, j - 1] + (expected[i - 1] == read[j - 1] ? 0 : 1), Math.Min(d[i - 1, j], d[i, j - 1]) + 1);
            }
        }
        var edits = new List<CharEdit>();
        int a = n, b = m;
        while (a > 0 || b > 0)
        {
            if (a > 0 && b > 0 && d[a, b] == d[a - 1, b - 1] + (expected[a - 1] == read[b - 1] ? 0 : 1))
            {
                if (expected[a - 1] != read[b - 1]) edits.Add(new CharEdit(a, expected[a - 1], read[b - 1]));
                a--;
                b--;
            }
            else if (a > 0 && d[a, b] == d[a - 1, b] + 1)
            {
                edits.Add(new CharEdit(a, expected[a - 1], null));
                a--;
            }
            else
            {
                edits.Add(new CharEdit(a + 1, null, read[b - 1]));
                b--;
            }
        }
        edits.Reverse();
        return edits;
    }
}
