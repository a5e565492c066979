using ImageBench.Attempts;
using ImageBench.Statistics;
using ImageBench.Tests.Reporting;

namespace ImageBench.Tests.Statistics;

public class ModelStatisticsTests
{
    private static readonly IReadOnlyList<Attempt> Run = SyntheticRun.Attempts();

    [Fact]
    public void Counts_every_outcome_and_retry()
    {
        var gpt = ModelStatistics.For(SyntheticRun.Gpt, Run);
        Assert.Equal((6, 5, 1, 0, 0, 0, 0), (gpt.Attempts, gpt.Ok, gpt.Refused, gpt.ProviderErrors, gpt.Timeouts, gpt.InvalidResponses, gpt.Cancelled));
        Assert.Equal((1, 1, 1), (gpt.Retried, gpt.TotalRetries, gpt.NotOk));
        Assert.Equal(5.0 / 6, gpt.SuccessRate!.Value, 9);

        var flux = ModelStatistics.For(SyntheticRun.Flux, Run);
        Assert.Equal((6, 5, 1, 0), (flux.Attempts, flux.Ok, flux.Timeouts, flux.Retried));
    }

    [Fact]
    public void Latency_covers_ok_attempts_only_with_and_without_retries()
    {
        var gpt = ModelStatistics.For(SyntheticRun.Gpt, Run);
        Assert.Equal(5, gpt.Latency!.N);
        Assert.Equal(60_000, gpt.Latency.Mean, 6);
        Assert.Equal(40_000, gpt.Latency.Min);
        Assert.Equal(80_000, gpt.Latency.Max);
        Assert.Equal(76_000, gpt.Latency.P90, 6);
        Assert.Equal(59_600, gpt.LatencyExcludingRetries!.Mean, 6); // 80 s attempt spent 2 s in a retry
        Assert.Equal(78_000, gpt.LatencyExcludingRetries.Max, 6);
        Assert.Equal(59_000, gpt.ServerMs!.Mean, 6);
        Assert.Equal(5, gpt.ServerMsSources["openai-processing-ms"]);

        var flux = ModelStatistics.For(SyntheticRun.Flux, Run);
        Assert.Equal(6_400, flux.Latency!.Mean, 6);
        Assert.Equal(6_000, flux.Latency.P50, 6);
    }

    [Fact]
    public void Phases_are_in_protocol_order_with_their_means()
    {
        var flux = ModelStatistics.For(SyntheticRun.Flux, Run);
        Assert.Equal([PhaseNames.Submit, PhaseNames.Queued, PhaseNames.Generating, PhaseNames.Download], flux.Phases.Select(p => p.Phase));
        Assert.Equal(5_400, flux.Phases.Single(p => p.Phase == PhaseNames.Generating).MeanMs, 6);
        Assert.Equal(200, flux.Phases[0].MeanMs, 6);
    }

    [Fact]
    public void Formats_dimensions_and_cost()
    {
        var gpt = ModelStatistics.For(SyntheticRun.Gpt, Run);
        var format = Assert.Single(gpt.Formats);
        Assert.Equal(("png", 5, 1_600_000.0), (format.Format, format.Count, format.MeanBytes));
        Assert.Equal(new DimensionCount(1024, 1024, 5), Assert.Single(gpt.Dimensions));
        Assert.Equal(0.03m, gpt.MeanCostPerOkImageUsd);
        Assert.Equal(30m, gpt.CostPer1000ImagesUsd);
        Assert.Equal(0.15m, gpt.TotalSpentUsd);
        Assert.Equal(5, gpt.CostSources[CostSources.CatalogPerImage]);
    }

    [Fact]
    public void Charged_failures_count_in_total_spent_but_not_in_cost_per_image()
    {
        var attempts = new List<Attempt>(Run.Where(a => a.Model == SyntheticRun.Gpt))
        {
            Run.First(a => a.Model == SyntheticRun.Gpt) with { Outcome = AttemptOutcome.Refused, CostUsd = 0.01m, CostSource = CostSources.ApiReported, Repeat = 1 },
        };
        var s = ModelStatistics.For(SyntheticRun.Gpt, attempts);
        Assert.Equal(0.03m, s.MeanCostPerOkImageUsd);
        Assert.Equal(0.16m, s.TotalSpentUsd);
        Assert.Equal(0.032m, s.SpentPerOkImageUsd);
        Assert.Equal(1, s.CostSources[CostSources.ApiReported]);
    }

    [Fact]
    public void A_model_without_attempts_has_empty_statistics()
    {
        var s = ModelStatistics.For("nobody", Run);
        Assert.Equal(0, s.Attempts);
        Assert.Null(s.Latency);
        Assert.Null(s.SuccessRate);
        Assert.Null(s.MeanCostPerOkImageUsd);
        Assert.Equal(0m, s.TotalSpentUsd);
    }

    [Fact]
    public void Cancelled_attempts_do_not_lower_the_success_rate()
    {
        var attempts = Run.Where(a => a.Model == SyntheticRun.Flux)
            .Append(Run.First(a => a.Model == SyntheticRun.Flux) with { Outcome = AttemptOutcome.Cancelled, Repeat = 1 }).ToList();
        var s = ModelStatistics.For(SyntheticRun.Flux, attempts);
        Assert.Equal(1, s.Cancelled);
        Assert.Equal(5.0 / 6, s.SuccessRate!.Value, 9);
    }
}
