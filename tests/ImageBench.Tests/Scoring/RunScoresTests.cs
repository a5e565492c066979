using ImageBench.Scoring;
using ImageBench.Tests.Reporting;

namespace ImageBench.Tests.Scoring;

public sealed class RunScoresTests
{
    [Fact]
    public void For_finds_each_attempts_scores_by_model_prompt_and_repeat_and_the_first_of_a_duplicate_wins()
    {
        var attempts = SyntheticRun.Attempts();
        var scored = attempts.Select(a => new AttemptScores(a, [])).ToList();
        var duplicate = new AttemptScores(attempts[0], []);
        var scores = new RunScores([.. scored, duplicate]);

        foreach (var s in scored)
            Assert.Same(s, scores.For(s.Attempt.Model, s.Attempt.PromptId, s.Attempt.Repeat));
        Assert.Same(scored[0], scores.For(attempts[0].Model, attempts[0].PromptId, attempts[0].Repeat));
        Assert.Null(scores.For("no-such-model", attempts[0].PromptId, attempts[0].Repeat));
        Assert.Null(scores.For(attempts[0].Model, attempts[0].PromptId, attempts[0].Repeat + 99));
    }
}
