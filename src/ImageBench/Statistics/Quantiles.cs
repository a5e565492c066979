namespace ImageBench.Statistics;

/// <summary>
/// Sample quantiles by Hyndman–Fan definition 7 (the default of R's <c>quantile</c> and NumPy's <c>percentile</c>),
/// so anyone can recompute a report's p50/p90/p95 with the tool they already have.
/// </summary>
public static class Quantiles
{
    /// <summary>The type-7 quantile of <paramref name="sorted"/> (ascending) at probability <paramref name="p"/> in [0, 1].</summary>
    public static double Type7(ReadOnlySpan<double> sorted, double p)
    {
        if (sorted.IsEmpty) throw new ArgumentException("no values", nameof(sorted));
        if (double.IsNaN(p) || p < 0 || p > 1) throw new ArgumentOutOfRangeException(nameof(p), p, "must be in [0, 1]");
        double h = (sorted.Length - 1) * p;
        int lo = (int)Math.Floor(h);
        if (lo >= sorted.Length - 1) return sorted[^1];
        double fraction = h - lo;
        // Written as a + f·(b − a) rather than (1 − f)·a + f·b so equal neighbours give exactly that value.
        return sorted[lo] + fraction * (sorted[lo + 1] - sorted[lo]);
    }
}
