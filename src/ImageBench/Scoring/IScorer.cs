using ImageBench.Suites;

namespace ImageBench.Scoring;

/// <summary>
/// What every scorer shares, whether it computes on the CPU (<see cref="IImageScorer"/>) or waits on a network
/// (<see cref="IAsyncImageScorer"/>): a name and version, what it applies to, and what its cache key depends on.
/// </summary>
public interface IScorer
{
    string Name { get; }
    string Version { get; }

    /// <summary>False when the expectations give this scorer nothing to check (a text scorer with no strings).</summary>
    bool AppliesTo(Expectations expect);

    /// <summary>
    /// The part of the cache key that stands for the expectations. By default all of them; a scorer whose result
    /// depends on something derived from them (the judge's checklist) hashes exactly that instead.
    /// </summary>
    string ExpectationsHash(Expectations expect) => ScoreKey.HashOf(expect);
}
