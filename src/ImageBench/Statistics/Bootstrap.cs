namespace ImageBench.Statistics;

/// <summary>
/// Percentile bootstrap confidence interval of the median. The generator is seeded with a fixed value so the same
/// samples always give the same interval: a report regenerated from results.json must not change its numbers.
/// </summary>
public static class Bootstrap
{
    public const int DefaultResamples = 2000;
    public const int DefaultSeed = 20_260_501;

    /// <summary>
    /// The 95% interval of the median of <paramref name="values"/>: the 2.5% and 97.5% type-7 quantiles of the
    /// medians of <paramref name="resamples"/> resamples drawn with replacement. One value gives (value, value);
    /// no values give null.
    /// </summary>
    public static (double Low, double High)? MedianCi95(
        IReadOnlyList<double> values, int resamples = DefaultResamples, int seed = DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 1);
        if (values.Count == 0) return null;
        if (values.Count == 1) return (values[0], values[0]);

        // System.Random with an explicit seed uses the legacy algorithm, whose sequence is stable across runtimes.
        var random = new Random(seed);
        var medians = new double[resamples];
        var draw = new double[values.Count];
        for (int b = 0; b < resamples; b++)
        {
            for (int i = 0; i < draw.Length; i++) draw[i] = values[random.Next(values.Count)];
            Array.Sort(draw);
            medians[b] = Quantiles.Type7(draw, 0.5);
        }
        Array.Sort(medians);
        return (Quantiles.Type7(medians, 0.025), Quantiles.Type7(medians, 0.975));
    }
}
