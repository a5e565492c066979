using ImageBench.Reporting;
using ImageBench.Scoring;

namespace ImageBench.Tests.Reporting;

public sealed class CapabilityReadTests
{
    private static RunReport Report() => RunReportBuilder.Build(
        SyntheticRun.Manifest(), SyntheticRun.Attempts(), SyntheticRun.Suite, SyntheticRun.Catalog, scores: SyntheticScores.Build());

    [Fact]
    public void A_judge_result_gives_one_verdict_per_capability_it_asked_about()
    {
        var flatlay = SyntheticScores.Build().For(SyntheticRun.Flux, "flatlay", 0)!;
        var verdicts = flatlay.Results.SelectMany(Capabilities.VerdictsOf).ToList();
        Assert.Equal([(Capabilities.CountingAndComposition, false), (Capabilities.PortraitsAndLighting, false)], verdicts);
    }

    [Fact]
    public void Capability_table_counts_checks_and_names_the_winner()
    {
        var table = Report().CapabilityTable!;
        Assert.Equal(["Capability", "GPT Image 2", "FLUX 1.1 Pro", "Winner"], table.Headers);
        Assert.Equal([Capabilities.TextRendering, Capabilities.CountingAndComposition, Capabilities.PortraitsAndLighting, Capabilities.HandsAndAction],
            table.Rows.Select(r => r[0]));
        Assert.Equal("100.0% (1 of 1; 21–100%)", table.Cell(Capabilities.TextRendering, "GPT Image 2"));
        Assert.Equal("0.0% (0 of 1; 0–79%)", table.Cell(Capabilities.TextRendering, "FLUX 1.1 Pro"));
        // 1 of 1 against 0 of 1: Fisher's exact p = 1, so no winner is named.
        Assert.Equal("not distinguishable (GPT Image 2, FLUX 1.1 Pro)", table.Cell(Capabilities.TextRendering, "Winner"));
        Assert.Equal("not distinguishable (GPT Image 2, FLUX 1.1 Pro)", table.Cell(Capabilities.CountingAndComposition, "Winner"));
        // FLUX timed out on the hands prompt, so only GPT's image was judged there.
        Assert.Equal("only GPT Image 2 checked", table.Cell(Capabilities.HandsAndAction, "Winner"));
        Assert.Equal("not checked", table.Cell(Capabilities.HandsAndAction, "FLUX 1.1 Pro"));
    }

    [Fact]
    public void Equal_shares_are_a_tie_not_a_win_by_order()
    {
        var scores = new RunScores(SyntheticScores.Build().Attempts.Where(a => a.Attempt.PromptId == "flatlay" && a.Attempt.Model == SyntheticRun.Gpt)
            .Concat(SyntheticScores.Build().Attempts.Where(a => a.Attempt.PromptId == "flatlay" && a.Attempt.Model == SyntheticRun.Gpt)
                .Select(a => a with { Attempt = a.Attempt with { Model = SyntheticRun.Flux } })).ToList());
        var report = RunReportBuilder.Build(SyntheticRun.Manifest(), SyntheticRun.Attempts(), SyntheticRun.Suite, SyntheticRun.Catalog, scores: scores);
        Assert.Equal("not distinguishable (GPT Image 2, FLUX 1.1 Pro)", report.CapabilityTable!.Cell(Capabilities.CountingAndComposition, "Winner"));
        Assert.StartsWith("No winner on this prompt", report.Prompts.Single(p => p.Id == "flatlay").Read[^1]);
    }

    [Fact]
    public void Prompt_read_lists_typos_judge_counts_against_the_ask_and_the_best_model()
    {
        var report = Report();
        var poster = report.Prompts.Single(p => p.Id == "poster").Read;
        Assert.Equal("GPT Image 2 (one image): passed text rendering", poster[0]);
        Assert.Equal("FLUX 1.1 Pro (one image): failed text rendering; typos EVERY → EYERY", poster[1]);
        Assert.Equal("Best on this prompt: GPT Image 2 (1 of 1 vs 0 of 1 checks passed, one image each).", poster[2]);

        var flatlay = report.Prompts.Single(p => p.Id == "flatlay").Read;
        Assert.Equal("FLUX 1.1 Pro (one image): failed counting and composition, portraits and lighting; judge saw croissant ×3 (asked 3), saw brown egg ×3 (asked 1) ✗", flatlay[1]);
        Assert.Empty(report.Prompts.Single(p => p.Id == "dewdrop").Read);
    }

    [Fact]
    public void Judge_check_line_is_labelled_emulated_and_says_what_it_saw()
    {
        var flatlay = SyntheticScores.Build().For(SyntheticRun.Flux, "flatlay", 0)!;
        var line = CheckLines.Of(flatlay).Single();
        Assert.Equal("✗ judge (emulated, 3 samples): 3 of 5 yes, DSG 0.60, agreement 1.00 · saw croissant ×3 · saw brown egg ×3 · unsure: Is the light soft window light from upper-right?", line);
    }

    [Fact]
    public void The_judges_calls_and_tokens_are_stated_beside_the_capabilities()
    {
        var scores = SyntheticScores.Build();
        var withTokens = new RunScores(scores.Attempts.Select(a => a with
        {
            Results = [.. a.Results.Select(r => r.Scorer != "judge" ? r : r with
            {
                Metrics = new Dictionary<string, double>(r.Metrics) { ["input_tokens"] = 1500, ["output_tokens"] = 120 },
            })],
        }).ToList());

        Assert.Equal(" Checked by judge (emulated, 3 samples): 3 images, 9 calls, 4,500 input and 360 output tokens (not in the cost table).", JudgeLines.Usage(withTokens));
        Assert.Equal("", JudgeLines.Usage(new RunScores([])));
    }

    [Fact]
    public void Unscored_reports_have_no_capability_table_or_reads()
    {
        var report = RunReportBuilder.Build(SyntheticRun.Manifest(), SyntheticRun.Attempts(), SyntheticRun.Suite, SyntheticRun.Catalog);
        Assert.Null(report.CapabilityTable);
        Assert.All(report.Prompts, p => Assert.Empty(p.Read));
    }

    [Fact]
    public void Scored_markdown_matches_snapshot() => Snapshot.Matches("report-scored.md", MarkdownReportWriter.Write(Report()));
}
