namespace ImageBench.Statistics;

/// <summary>
/// Whether two medians are told apart at the sample sizes a run has: their bootstrap 95 % intervals
/// (<see cref="Bootstrap.MedianCi95"/>, carried in <see cref="SampleSummary"/>) overlap or not. Overlap is the
/// conservative reading — non-overlapping intervals are a clear difference; overlapping ones are not shown to differ.
/// </summary>
public static class MedianOverlap
{
    /// <summary>True when the intervals [low, high] of the two medians share at least one point.</summary>
    public static bool Overlap(SampleSummary a, SampleSummary b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return Overlap((a.MedianCiLow, a.MedianCiHigh), (b.MedianCiLow, b.MedianCiHigh));
    }

    public static bool Overlap((double Low, double High) a, (double Low, double High) b) => a.Low <= b.High && b.Low <= a.High;

    /// <summary>The report's words for it.</summary>
    public static string Sentence(SampleSummary a, SampleSummary b) => Overlap(a, b)
        ? "the bootstrap 95 % intervals of the medians overlap: not distinguishable at this sample size"
        : "the bootstrap 95 % intervals of the medians do not overlap: the difference holds at this sample size";
}
