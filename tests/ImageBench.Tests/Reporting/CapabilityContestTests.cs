using ImageBench.Reporting;
using ImageBench.Scoring;
using ImageBench.Statistics;

namespace ImageBench.Tests.Reporting;

public sealed class CapabilityContestTests
{
    private static readonly ReportModel A = new("a", "Model A", ModelStatistics.For("a", []));
    private static readonly ReportModel B = new("b", "Model B", ModelStatistics.For("b", []));
    private static readonly ReportModel C = new("c", "Model C", ModelStatistics.For("c", []));

    [Fact]
    public void Two_of_two_against_one_of_two_is_not_distinguishable()
    {
        var contest = new CapabilityContest("text rendering", [(A, new CheckTally(2, 2)), (B, new CheckTally(1, 2))]);
        Assert.Null(contest.Winner);
        Assert.Equal([A, B], contest.Level);
    }

    [Fact]
    public void Thirty_of_thirty_against_five_of_thirty_names_a_winner()
    {
        var contest = new CapabilityContest("text rendering", [(B, new CheckTally(5, 30)), (A, new CheckTally(30, 30))]);
        Assert.Equal(A, contest.Winner);
    }

    [Fact]
    public void A_winner_must_be_separated_from_every_other_model()
    {
        // 30 of 30 beats 5 of 30 clearly but not 28 of 30 (p ≈ 0.49): level with C, no winner.
        var contest = new CapabilityContest("text rendering",
            [(A, new CheckTally(30, 30)), (B, new CheckTally(5, 30)), (C, new CheckTally(28, 30))]);
        Assert.Null(contest.Winner);
        Assert.Equal([A, C], contest.Level);
    }

    [Fact]
    public void Cells_carry_the_wilson_interval() =>
        Assert.Equal("66.7% (2 of 3; 21–94%)", CapabilityWinners.Cell(new CheckTally(2, 3)));
}
