namespace ImageBench.Scoring.Text;

public enum AlignOp
{
    Match,
    Substitute,
    /// <summary>An expected word with no counterpart: missing from the image.</summary>
    Delete,
    /// <summary>A read word with no counterpart: inserted in the image.</summary>
    Insert,
}

/// <summary>One step of a word alignment; <see cref="Expected"/> is null for inserts, <see cref="Read"/> for deletes.</summary>
public sealed record AlignedWord(AlignOp Op, string? Expected, string? Read, int ExpectedIndex);

/// <summary>
/// Aligns expected words with read words by dynamic programming. Substituting two words costs 2·Lev/max(len)
/// when at most half their characters differ (a misspelling: EVERY → EYERY costs 0.4) and 2 otherwise — the
/// same as a delete plus an insert, which the backtrace prefers — so an unrelated word (OPEN vs CLOSED) is
/// reported as missing plus inserted, never as a typo.
/// </summary>
public static class WordAlignment
{
    public static IReadOnlyList<AlignedWord> Align(IReadOnlyList<string> expected, IReadOnlyList<string> read)
    {
        int n = expected.Count, m = read.Count;
        var cost = new double[n + 1, m + 1];
        for (int i = 0; i <= n; i++) cost[i, 0] = i;
        for (int j = 0; j <= m; j++) cost[0, j] = j;
        for (int i = 1; i <= n; i++)
        {
            for (int j = 1; j <= m; j++)
            {
                double substitute = cost[i - 1, j - 1] + SubstitutionCost(expected[i - 1], read[j - 1]);
                cost[i, j] = Math.Min(substitute, Math.Min(cost[i - 1, j], cost[i, j - 1]) + 1);
            }
        }
        var steps = new List<AlignedWord>(n + m);
        int a = n, b = m;
        while (a > 0 || b > 0)
        {
            if (a > 0 && b > 0 && Same(cost[a, b], cost[a - 1, b - 1] + SubstitutionCost(expected[a - 1], read[b - 1]))
                && SubstitutionCost(expected[a - 1], read[b - 1]) < 2)
            {
                var op = expected[a - 1] == read[b - 1] ? AlignOp.Match : AlignOp.Substitute;
                steps.Add(new AlignedWord(op, expected[a - 1], read[b - 1], a - 1));
                a--;
                b--;
            }
            else if (a > 0 && (b == 0 || Same(cost[a, b], cost[a - 1, b] + 1)))
            {
                steps.Add(new AlignedWord(AlignOp.Delete, expected[a - 1], null, a - 1));
                a--;
            }
            else if (b > 0 && (a == 0 || Same(cost[a, b], cost[a, b - 1] + 1)))
            {
                steps.Add(new AlignedWord(AlignOp.Insert, null, read[b - 1], a));
                b--;
            }
            else
            {
                // Only reachable when a wholly different pair was the sole optimum; record it as delete + insert.
                steps.Add(new AlignedWord(AlignOp.Insert, null, read[b - 1], a));
                steps.Add(new AlignedWord(AlignOp.Delete, expected[a - 1], null, a - 1));
                a--;
                b--;
            }
        }
        steps.Reverse();
        return steps;
    }

    /// <summary>Total cost of an alignment: 0 per match, the substitution cost per typo, 1 per missing or inserted word.</summary>
    public static double Cost(IEnumerable<AlignedWord> alignment) => alignment.Sum(a => a.Op switch
    {
        AlignOp.Match => 0,
        AlignOp.Substitute => SubstitutionCost(a.Expected!, a.Read!),
        _ => 1,
    });

    public static double SubstitutionCost(string expected, string read)
    {
        if (expected == read)
        {
            return 0;
        }
        double differing = (double)Levenshtein.Distance(expected, read) / Math.Max(expected.Length, read.Length);
        return differing <= 0.5 ? 2 * differing : 2;
    }

    private static bool Same(double x, double y) => Math.Abs(x - y) < 1e-9;
}
