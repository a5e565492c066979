using System.Text.Json.Nodes;
using ImageBench.Scoring;
using ImageBench.Tests.Reporting;

namespace ImageBench.Tests.Scoring;

/// <summary>An uncertain check is "needs a look": not a failure, left out of pass rates and shares, and counted.</summary>
public sealed class NeedsALookTests
{
    private static ScoreResult Uncertain() =>
        new("text", "3", new Dictionary<string, double>(), new JsonObject { [ScoreResult.NeedsALookKey] = true }, null);

    private static ScoreResult Text(bool passed) => new("text", "3", new Dictionary<string, double>(), [], passed);

    private static RunScores Scores(params IReadOnlyList<ScoreResult>[] perAttempt)
    {
        var attempts = SyntheticRun.Attempts().Where(a => a.Outcome == ImageBench.Attempts.AttemptOutcome.Ok && a.Model == SyntheticRun.Flux).Take(perAttempt.Length).ToList();
        Assert.Equal(perAttempt.Length, attempts.Count);
        return new RunScores(attempts.Select((a, i) => new AttemptScores(a, perAttempt[i])).ToList());
    }

    [Fact]
    public void An_uncertain_check_is_neither_passed_nor_failed_and_is_counted()
    {
        var scores = Scores([Uncertain()], [Text(true)], [Text(false)]);
        Assert.True(scores.Attempts[0].Results[0].NeedsALook);
        Assert.Null(scores.Attempts[0].Acceptable);
        Assert.Equal(0.5, scores.PassRate(SyntheticRun.Flux));
        Assert.Equal(1, scores.NeedsALook(SyntheticRun.Flux));
        Assert.Equal(new CheckTally(1, 2), scores.CapabilityTallies()[SyntheticRun.Flux][Capabilities.TextRendering]);
    }

    [Fact]
    public void A_confident_failure_is_not_a_look()
    {
        var scores = Scores([Text(false)]);
        Assert.False(scores.Attempts[0].Results[0].NeedsALook);
        Assert.Equal(0, scores.NeedsALook());
        Assert.Equal(0.0, scores.PassRate(SyntheticRun.Flux));
    }

    [Fact]
    public void The_check_line_marks_it_with_a_question_mark_not_a_cross()
    {
        Assert.StartsWith("? text:", ImageBench.Reporting.CheckLines.Line(Uncertain()), StringComparison.Ordinal);
        Assert.EndsWith("needs a look", ImageBench.Reporting.CheckLines.Line(Uncertain()), StringComparison.Ordinal);
        Assert.StartsWith("✗ text:", ImageBench.Reporting.CheckLines.Line(Text(false)), StringComparison.Ordinal);
    }
}
