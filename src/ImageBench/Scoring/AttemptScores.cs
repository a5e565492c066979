using ImageBench.Attempts;

namespace ImageBench.Scoring;

/// <summary>Every score of one attempt's image.</summary>
public sealed record AttemptScores(Attempt Attempt, IReadOnlyList<ScoreResult> Results)
{
    /// <summary>Checks with a verdict (Passed not null, no error).</summary>
    public IEnumerable<ScoreResult> Verdicts => Results.Where(r => r.Passed is not null && r.Error is null);

    /// <summary>True when every check passed, false when one failed, null when nothing was checked.</summary>
    public bool? Acceptable => Verdicts.Any() ? Verdicts.All(r => r.Passed == true) : null;

    /// <summary>Share of this image's checks that passed; null when nothing was checked.</summary>
    public double? PassFraction => Verdicts.Any() ? Verdicts.Average(r => r.Passed == true ? 1.0 : 0.0) : null;
}
