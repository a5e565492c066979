using ImageBench.Suites;

namespace ImageBench.Scoring;

/// <summary>
/// A scorer that waits on something slow and remote (a vision LLM judge) rather than computing. The
/// <see cref="ScoringRunner"/> runs it beside the CPU scorers, at most <see cref="Concurrency"/> images at a time,
/// so a rate-limited provider is not flooded and the CPU scorers are not held up. Like every scorer it reports
/// failure in <see cref="ScoreResult.Error"/> rather than throwing (cancellation excepted).
/// </summary>
public interface IAsyncImageScorer : IScorer
{
    /// <summary>How many images this scorer may have in flight at once.</summary>
    int Concurrency { get; }

    Task<ScoreResult> ScoreAsync(ScoringImage image, Expectations expect, CancellationToken ct);
}
