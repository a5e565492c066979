using ImageBench.Reporting;
using ImageBench.Scoring;
using ImageBench.Statistics;

namespace ImageBench.Tests.Reporting;

public sealed class CapabilityHighlightsTests
{
    private static readonly ReportModel A = Model("a"), B = Model("b"), C = Model("c");

    private static ReportModel Model(string id) => new(id, id.ToUpperInvariant(), new ModelStats { Model = id });

    private static CapabilityContest Contest(string capability, params (ReportModel Model, int Passed, int Checked)[] rows) =>
        new(capability, rows.Select(r => (r.Model, new CheckTally(r.Passed, r.Checked))).ToList());

    [Fact]
    public void Shares_that_read_differently_but_do_not_separate_crown_nobody()
    {
        // 2 of 2 against 1 of 2: the capability table says "not distinguishable", so the dimension table must too.
        var contests = new[] { Contest(Capabilities.TextRendering, (A, 2, 2), (B, 1, 2)) };
        Assert.Equal((CapabilityHighlights.NoClearLead, CapabilityHighlights.NoClearWeakness), CapabilityHighlights.For(A, contests));
        Assert.Equal((CapabilityHighlights.NoClearLead, CapabilityHighlights.NoClearWeakness), CapabilityHighlights.For(B, contests));
    }

    [Fact]
    public void A_separated_winner_is_best_there_and_the_separated_last_is_worst()
    {
        var contests = new[] { Contest(Capabilities.TextRendering, (A, 12, 12), (B, 2, 12)) };
        Assert.Equal(A, contests[0].Winner);
        Assert.Equal($"{Capabilities.TextRendering} (12 of 12 vs 2 of 12)", CapabilityHighlights.For(A, contests).Best);
        Assert.Equal(CapabilityHighlights.NoClearWeakness, CapabilityHighlights.For(A, contests).Worst);
        Assert.Equal(CapabilityHighlights.NoClearLead, CapabilityHighlights.For(B, contests).Best);
        Assert.Equal($"{Capabilities.TextRendering} (2 of 12 vs 12 of 12)", CapabilityHighlights.For(B, contests).Worst);
    }

    [Fact]
    public void The_middle_model_is_not_worst_even_when_separated_from_the_best()
    {
        var contests = new[] { Contest(Capabilities.CountingAndComposition, (A, 12, 12), (B, 5, 12), (C, 0, 12)) };
        Assert.Equal(CapabilityHighlights.NoClearWeakness, CapabilityHighlights.For(B, contests).Worst);
        Assert.StartsWith(Capabilities.CountingAndComposition, CapabilityHighlights.For(C, contests).Worst, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lone_model_lists_its_top_and_bottom_with_counts()
    {
        var contests = new[] { Contest(Capabilities.TextRendering, (A, 3, 3)), Contest(Capabilities.HandsAndAction, (A, 0, 1)) };
        var (best, worst) = CapabilityHighlights.For(A, contests);
        Assert.StartsWith($"{Capabilities.TextRendering} (100%, 3 of 3)", best, StringComparison.Ordinal);
        Assert.StartsWith($"{Capabilities.HandsAndAction} (0%, 0 of 1)", worst, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_never_checked_is_not_scored()
    {
        var contests = new[] { Contest(Capabilities.TextRendering, (A, 3, 3)) };
        Assert.Equal((CapabilityHighlights.NotScored, CapabilityHighlights.NotScored), CapabilityHighlights.For(B, contests));
    }
}
