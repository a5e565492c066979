using ImageBench.Suites;

namespace ImageBench.Scoring;

/// <summary>
/// A pure function of (image, expectations) → <see cref="ScoreResult"/>. Implementations are thread-safe or say
/// otherwise; results are cached by image SHA-256 + <see cref="Name"/> + <see cref="Version"/> + expectations.
/// </summary>
public interface IImageScorer
{
    string Name { get; }
    string Version { get; }

    /// <summary>False when the expectations give this scorer nothing to check (a text scorer with no strings).</summary>
    bool AppliesTo(Expectations expect);

    ScoreResult Score(ScoringImage image, Expectations expect, CancellationToken ct);
}
