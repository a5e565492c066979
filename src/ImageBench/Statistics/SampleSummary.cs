namespace ImageBench.Statistics;

/// <summary>
/// Descriptive statistics of one sample (latencies in ms, usually). Quantiles are type 7; the median's interval
/// is a seeded percentile bootstrap (<see cref="Bootstrap"/>).
/// </summary>
/// <param name="P99">Only given from <see cref="MinSamplesForP99"/> samples on: below that it is an interpolation
/// towards the maximum, not a tail estimate.</param>
public sealed record SampleSummary(
    int N, double Mean, double Min, double Max, double P50, double P90, double P95, double? P99,
    double MedianCiLow, double MedianCiHigh)
{
    public const int MinSamplesForP99 = 100;

    /// <summary>The summary of <paramref name="values"/>, or null when there are none.</summary>
    public static SampleSummary? Of(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0) return null;
        var sorted = values.ToArray();
        Array.Sort(sorted);
        var ci = Bootstrap.MedianCi95(sorted)!.Value;
        double mean = sorted.Average();
        // Floating-point summation can land a hair outside [min, max] for equal values; clamp to keep mean honest.
        mean = Math.Clamp(mean, sorted[0], sorted[^1]);
        return new SampleSummary(
            sorted.Length, mean, sorted[0], sorted[^1],
            Quantiles.Type7(sorted, 0.50), Quantiles.Type7(sorted, 0.90), Quantiles.Type7(sorted, 0.95),
            sorted.Length >= MinSamplesForP99 ? Quantiles.Type7(sorted, 0.99) : null,
            ci.Low, ci.High);
    }
}
