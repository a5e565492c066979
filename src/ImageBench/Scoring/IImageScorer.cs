using ImageBench.Suites;

namespace ImageBench.Scoring;

/// <summary>
/// A pure function of (image, expectations) → <see cref="ScoreResult"/>, computed on the CPU. Implementations are
/// thread-safe or say otherwise; results are cached by image SHA-256 + <see cref="IScorer.Name"/> +
/// <see cref="IScorer.Version"/> + expectations.
/// </summary>
public interface IImageScorer : IScorer
{
    ScoreResult Score(ScoringImage image, Expectations expect, CancellationToken ct);
}
