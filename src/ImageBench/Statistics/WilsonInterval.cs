namespace ImageBench.Statistics;

/// <summary>
/// The Wilson score interval of a binomial share (Wilson 1927). Unlike the normal ("Wald") interval it stays inside
/// [0, 1] and does not collapse to a point at 0 of n or n of n, which is exactly where a 2-of-2 "winner" needs one.
/// </summary>
public static class WilsonInterval
{
    /// <summary>z for a two-sided 95 % interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>The 95 % interval of <paramref name="successes"/> of <paramref name="trials"/>; null when nothing was tried.</summary>
    public static (double Low, double High)? Of95(int successes, int trials) => Of(successes, trials, Z95);

    public static (double Low, double High)? Of(int successes, int trials, double z)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, successes);
        if (trials == 0) return null;
        double n = trials, p = successes / n, z2 = z * z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = z / (1 + z2 / n) * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        // Clamp the rounding at the edges: 0 of n has a low end of exactly 0, n of n a high end of exactly 1.
        double low = successes == 0 ? 0 : Math.Max(0, centre - half);
        double high = successes == trials ? 1 : Math.Min(1, centre + half);
        return (low, high);
    }
}
