using ImageBench.Attempts;
using ImageBench.Reporting;
using ImageBench.Statistics;

namespace ImageBench.Tests.Reporting;

public class RunReportBuilderTests
{
    private static RunReport Report(double? timeScale = null) =>
        RunReportBuilder.Build(SyntheticRun.Manifest(timeScale), SyntheticRun.Attempts(), SyntheticRun.Suite, SyntheticRun.Catalog);

    [Fact]
    public void Latency_table_shows_the_statistics()
    {
        var report = Report();
        foreach (var m in report.Models)
        {
            var l = m.Stats.Latency!;
            var t = report.LatencyTable;
            Assert.Equal(ReportFormat.Duration(l.Mean), t.Cell("Mean latency", m.Name));
            Assert.Equal(ReportFormat.Duration(l.Min), t.Cell("Min", m.Name));
            Assert.Equal(ReportFormat.Duration(l.Max), t.Cell("Max", m.Name));
            Assert.Equal(l.N.ToString(System.Globalization.CultureInfo.InvariantCulture), t.Cell("Samples", m.Name));
            Assert.Equal(ReportFormat.Duration(l.P90), t.Cell("p90", m.Name));
            Assert.Equal($"{ReportFormat.Duration(l.MedianCiLow)} – {ReportFormat.Duration(l.MedianCiHigh)}", t.Cell("Median 95% CI", m.Name));
        }
        // And the hand-checked figures themselves.
        Assert.Equal("60.0 s", report.LatencyTable.Cell("Mean latency", "GPT Image 2"));
        Assert.Equal("76.0 s", report.LatencyTable.Cell("p90", "GPT Image 2"));
        Assert.Equal("59.6 s", report.LatencyTable.Cell("Mean excl. retries", "GPT Image 2"));
        Assert.Equal("6.40 s", report.LatencyTable.Cell("Mean latency", "FLUX 1.1 Pro"));
        Assert.Equal("5", report.LatencyTable.Cell("Samples", "FLUX 1.1 Pro"));
    }

    [Fact]
    public void Failures_are_counted_beside_the_latencies_and_in_a_sentence()
    {
        var report = Report();
        Assert.Equal("1 (1 refused)", report.LatencyTable.Cell("Not timed (failed)", "GPT Image 2"));
        Assert.Equal("1 (1 timeout)", report.LatencyTable.Cell("Not timed (failed)", "FLUX 1.1 Pro"));
        Assert.StartsWith("10 of 12 attempts produced an image; 2 did not", report.FailureSentence, StringComparison.Ordinal);
        Assert.Contains("Attempts that needed retries: 1 (1 retries in all).", report.FailureSentence, StringComparison.Ordinal);
        Assert.Equal("1", report.OutcomeTable.Cell("Refused", "GPT Image 2"));
        Assert.Equal("1", report.OutcomeTable.Cell("Timeout", "FLUX 1.1 Pro"));
        Assert.Equal("1", report.OutcomeTable.Cell("Retried (attempts)", "GPT Image 2"));
    }

    [Fact]
    public void Dimension_table_has_price_with_provenance_latency_format_and_unscored_capabilities()
    {
        var t = Report().DimensionTable;
        Assert.Equal("$0.03 / image (hiapi via article, read 2026-05-01)", t.Cell("Price at 1K", "GPT Image 2"));
        Assert.Equal("$0.05 / image (hiapi via article, read 2026-05-01)", t.Cell("Price at 1K", "FLUX 1.1 Pro"));
        Assert.Equal("60.0 s / image", t.Cell("Mean latency", "GPT Image 2"));
        Assert.Equal("PNG, 1.6 MB mean", t.Cell("Output format", "GPT Image 2"));
        Assert.Equal("WEBP, 200.0 KB mean", t.Cell("Output format", "FLUX 1.1 Pro"));
        Assert.Equal(CapabilityHighlights.NotScored, t.Cell("Best at", "GPT Image 2"));
        Assert.Equal(CapabilityHighlights.NotScored, t.Cell("Worst at", "FLUX 1.1 Pro"));
    }

    [Fact]
    public void Capability_scores_fill_best_and_worst_by_who_leads()
    {
        var scores = new Dictionary<string, IReadOnlyDictionary<string, double>>
        {
            [SyntheticRun.Gpt] = new Dictionary<string, double> { ["text"] = 0.95, ["portraits"] = 0.6, ["objects"] = 0.9 },
            [SyntheticRun.Flux] = new Dictionary<string, double> { ["text"] = 0.45, ["portraits"] = 0.9, ["objects"] = 0.5 },
        };
        var t = RunReportBuilder.Build(SyntheticRun.Manifest(), SyntheticRun.Attempts(), SyntheticRun.Suite, SyntheticRun.Catalog, scores).DimensionTable;
        Assert.Equal("text (95% vs 45%), objects (90% vs 50%)", t.Cell("Best at", "GPT Image 2"));
        Assert.Equal("portraits (60% vs 90%)", t.Cell("Worst at", "GPT Image 2"));
        Assert.Equal("portraits (90% vs 60%)", t.Cell("Best at", "FLUX 1.1 Pro"));
    }

    [Fact]
    public void Cost_table_names_its_source_and_scales_to_1000_images()
    {
        var t = Report().CostTable;
        Assert.Equal("$0.03", t.Cell("Cost per image", "GPT Image 2"));
        Assert.Equal("catalog (5)", t.Cell("Cost source", "GPT Image 2"));
        Assert.Equal("$30.00", t.Cell("Cost per 1,000 images", "GPT Image 2"));
        Assert.Equal("$0.25", t.Cell("Total spent", "FLUX 1.1 Pro"));
    }

    [Fact]
    public void Speed_sentence_is_the_ratio_of_means()
    {
        // 60 s / 6.4 s = 9.375
        Assert.Equal("FLUX 1.1 Pro is roughly 9.4× faster than GPT Image 2 (ratio of mean latencies over 5 and 5 successful attempts); "
            + "medians 6.00 s and 60.0 s: the bootstrap 95 % intervals of the medians do not overlap: the difference holds at this sample size.",
            Report().SpeedSentence);
    }

    [Fact]
    public void No_speed_sentence_when_a_model_has_no_successful_attempt()
    {
        var attempts = SyntheticRun.Attempts().Where(a => a.Model == SyntheticRun.Gpt || a.Outcome != AttemptOutcome.Ok).ToList();
        var report = RunReportBuilder.Build(SyntheticRun.Manifest(), attempts, SyntheticRun.Suite, SyntheticRun.Catalog);
        Assert.Null(report.SpeedSentence);
        Assert.Equal("no successful image", report.DimensionTable.Cell("Mean latency", "FLUX 1.1 Pro"));
        Assert.Equal("–", report.LatencyTable.Cell("Mean latency", "FLUX 1.1 Pro"));
    }

    [Fact]
    public void Timing_note_states_the_emulator_factor_or_real_apis()
    {
        Assert.StartsWith("Real APIs", Report().TimingNote, StringComparison.Ordinal);
        Assert.StartsWith("Emulated: latencies are the article's scaled ×0.01; divide by 0.01", Report(0.01).TimingNote, StringComparison.Ordinal);
    }

    [Fact]
    public void Attempts_the_emulator_answered_label_the_run_or_their_models_emulated_without_the_manifest_saying_so()
    {
        var all = SyntheticRun.Attempts().Select(a => a with { EmulatorTimeScale = 0.5 }).ToList();
        var some = SyntheticRun.Attempts().Select(a => a.Model == SyntheticRun.Flux ? a with { EmulatorTimeScale = 0.5 } : a).ToList();

        var emulated = RunReportBuilder.Build(SyntheticRun.Manifest(), all, SyntheticRun.Suite, SyntheticRun.Catalog);
        var mixed = RunReportBuilder.Build(SyntheticRun.Manifest(), some, SyntheticRun.Suite, SyntheticRun.Catalog);

        Assert.Equal(RunReportBuilder.TimingNote(0.5), emulated.TimingNote);
        Assert.Equal(0.5, emulated.EmulatorTimeScale);
        Assert.StartsWith("Mixed: FLUX 1.1 Pro (×0.5) answered by ImageBench's emulator", mixed.TimingNote, StringComparison.Ordinal);
        Assert.Null(mixed.EmulatorTimeScale);
        Assert.Equal(0.5, mixed.Models.Single(m => m.Id == SyntheticRun.Flux).Stats.EmulatorTimeScale);
        Assert.Null(mixed.Models.Single(m => m.Id == SyntheticRun.Gpt).Stats.EmulatorTimeScale);
    }

    [Fact]
    public void Prompt_sections_follow_the_suite_and_carry_each_attempt()
    {
        var prompts = Report().Prompts;
        Assert.Equal(SyntheticRun.PromptIds, prompts.Select(p => p.Id));
        var poster = prompts[1];
        Assert.Contains("Text: \"MORNING BREW\" (top)", poster.Expectations);
        Assert.Contains("Object: watercolor coffee cup ×1 (lower right)", poster.Expectations);
        var refused = prompts[3].Entries.Single(e => e.Model == SyntheticRun.Gpt);
        Assert.Equal(AttemptOutcome.Refused, refused.Outcome);
        Assert.Null(refused.ImagePath);
        Assert.Contains("safety system", refused.Reason, StringComparison.Ordinal);
        var revised = prompts[0].Entries.Single(e => e.Model == SyntheticRun.Gpt);
        Assert.Equal("images/gpt-dewdrop.png", revised.ImagePath);
        Assert.Equal("PNG · 1024×1024 · 1.6 MB", revised.ImageFacts);
        Assert.NotNull(revised.RevisedPrompt);
    }

    [Fact]
    public void Without_suite_or_catalog_the_report_still_builds_from_ids()
    {
        var report = RunReportBuilder.Build(SyntheticRun.Manifest(), SyntheticRun.Attempts(), null, null);
        Assert.Equal("not in catalog", report.DimensionTable.Cell("Price at 1K", SyntheticRun.Gpt));
        Assert.Null(report.Prompts[0].Text);
        Assert.Equal(6, report.Prompts.Count);
    }

    [Fact]
    public void Json_summary_holds_raw_numbers()
    {
        var json = ReportJson.Summary(Report());
        var gpt = json["models"]![SyntheticRun.Gpt]!;
        Assert.Equal(60_000, (double)gpt["latencyMs"]!["mean"]!, 6);
        Assert.Equal(1, (int)gpt["refused"]!);
        Assert.Equal(30m, (decimal)gpt["costPer1000ImagesUsd"]!);
        Assert.Equal(ModelStatistics.For(SyntheticRun.Flux, SyntheticRun.Attempts()).Latency!.P95,
            (double)json["models"]![SyntheticRun.Flux]!["latencyMs"]!["p95"]!);
    }
}
