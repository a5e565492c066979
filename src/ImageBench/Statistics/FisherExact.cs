namespace ImageBench.Statistics;

/// <summary>
/// Fisher's exact test of two proportions (a 2×2 table), two-sided as R's <c>fisher.test</c> computes it: with the
/// margins fixed, the successes of the first group follow a hypergeometric law, and the p-value is the summed
/// probability of every table no more likely than the observed one. Exact at any count, which is why it fits the
/// handful of checks per capability a benchmark run has (a normal approximation is meaningless at 2 of 2).
/// </summary>
public static class FisherExact
{
    /// <summary>R's relative tolerance: tables whose probability equals the observed one up to rounding count as "as extreme".</summary>
    public const double RelativeTolerance = 1e-7;

    /// <summary>The two-sided p-value of <paramref name="successes1"/> of <paramref name="trials1"/> against <paramref name="successes2"/> of <paramref name="trials2"/>.</summary>
    public static double TwoSidedP(int successes1, int trials1, int successes2, int trials2)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes1);
        ArgumentOutOfRangeException.ThrowIfNegative(successes2);
        ArgumentOutOfRangeException.ThrowIfLessThan(trials1, successes1);
        ArgumentOutOfRangeException.ThrowIfLessThan(trials2, successes2);
        int n = trials1 + trials2, k = successes1 + successes2;
        // Support of the first group's successes given the margins.
        int lo = Math.Max(0, k - trials2), hi = Math.Min(k, trials1);
        if (lo == hi) return 1;

        var logFactorial = LogFactorials(n);
        double LogP(int x) =>
            logFactorial[k] - logFactorial[x] - logFactorial[k - x]
            + logFactorial[n - k] - logFactorial[trials1 - x] - logFactorial[n - k - trials1 + x]
            - (logFactorial[n] - logFactorial[trials1] - logFactorial[trials2]);

        double observed = LogP(successes1), threshold = observed + double.LogP1(RelativeTolerance);
        // Scale by the observed probability before exponentiating so long tails cannot underflow the sum to 0.
        double sum = 0, total = 0;
        for (int x = lo; x <= hi; x++)
        {
            double logP = LogP(x), relative = Math.Exp(logP - observed);
            total += relative;
            if (logP <= threshold) sum += relative;
        }
        return Math.Min(1, sum / total);
    }

    /// <summary>True when the test separates the two shares at <paramref name="alpha"/> (5 % unless told).</summary>
    public static bool Separates(int successes1, int trials1, int successes2, int trials2, double alpha = 0.05) =>
        TwoSidedP(successes1, trials1, successes2, trials2) < alpha;

    private static double[] LogFactorials(int n)
    {
        var table = new double[n + 1];
        for (int i = 2; i <= n; i++) table[i] = table[i - 1] + Math.Log(i);
        return table;
    }
}
