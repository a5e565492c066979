namespace ImageBench.Emulator;

/// <summary>
/// Generation time of one emulated call, in unscaled seconds: a Beta distribution stretched over
/// [<see cref="MinSeconds"/>, <see cref="MaxSeconds"/>] whose mean is <see cref="MeanSeconds"/>.
/// A bounded, skewed shape matches what the article observed (long right tail, hard floor).
/// </summary>
public sealed record LatencyProfile(double MeanSeconds, double MinSeconds, double MaxSeconds)
{
    /// <summary>A profile that never waits (useful for tests and as a fallback).</summary>
    public static LatencyProfile Instant { get; } = new(0, 0, 0);
}
