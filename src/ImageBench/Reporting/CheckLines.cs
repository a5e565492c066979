using System.Globalization;
using ImageBench.Scoring;

namespace ImageBench.Reporting;

/// <summary>
/// One readable line per score: the scorer's own summary when it gives one (Details["summary"]), else its verdict
/// and metrics. "✓" passed, "✗" failed, "·" a measurement with no verdict, "?" an uncertain check that needs a look, "!" the scorer could not run.
/// </summary>
public static class CheckLines
{
    public static IReadOnlyList<string> Of(AttemptScores? scores) =>
        scores is null ? [] : scores.Results.Where(r => r.Scorer != Scoring.Image.PerceptualHashScorer.ScorerName || r.Error is not null).Select(Line).ToList();

    public static string Line(ScoreResult r)
    {
        if (r.Error is not null) return $"! {r.Scorer}: could not score ({r.Error})";
        var mark = r.NeedsALook ? "?" : r.Passed switch { true => "✓", false => "✗", null => "·" };
        if (r.Scorer == JudgeLines.Scorer) return $"{mark} {JudgeLines.Summary(r)}";
        var summary = r.Details["summary"]?.GetValue<string>() ?? Scoring.Image.ImageCheckResult.Describe(r, CultureInfo.InvariantCulture);
        return $"{mark} {r.Scorer}: {summary}{(r.NeedsALook ? " — needs a look" : "")}";
    }
}
