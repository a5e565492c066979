using System.Text.Json.Nodes;
using ImageBench.Attempts;
using ImageBench.Reporting;
using ImageBench.Reporting.Html.Components;
using ImageBench.Scoring;

namespace ImageBench.Tests.Reporting;

/// <summary>The report components' own decisions: when a table turns, what an image's verdict and alt text say.</summary>
public class HtmlComponentsTests
{
    private static ReportTable Table(int models) =>
        new("Latency", ["Metric", .. Enumerable.Range(1, models).Select(i => $"M{i}")], [["Mean", .. Enumerable.Range(1, models).Select(i => $"{i} s")], ["Max", .. Enumerable.Range(1, models).Select(i => $"{i * 2} s")]]);

    [Fact]
    public void A_table_keeps_models_in_columns_up_to_five_then_turns_them_into_rows()
    {
        var (headers, rows) = ReportTableView.Layout(Table(ReportTableView.MaxModelColumns));
        Assert.Equal(6, headers.Count);
        Assert.Equal(2, rows.Count);

        (headers, rows) = ReportTableView.Layout(Table(ReportTableView.MaxModelColumns + 1));
        Assert.Equal(["Model", "Mean", "Max"], headers);
        Assert.Equal(6, rows.Count);
        Assert.Equal(["M6", "6 s", "12 s"], rows[5]);
    }

    [Fact]
    public void Past_four_models_the_title_names_the_count()
    {
        var many = Enumerable.Range(1, 5).Select(i => $"m{i}").ToList();
        var report = RunReportBuilder.Build(SyntheticRun.Manifest() with { Models = many }, [], SyntheticRun.Suite, null);
        Assert.Equal("5 models: article-six", report.Title);
        Assert.Equal("GPT Image 2 vs FLUX 1.1 Pro: article-six", RunReportBuilder.Build(SyntheticRun.Manifest(), SyntheticRun.Attempts(), SyntheticRun.Suite, SyntheticRun.Catalog).Title);
    }

    private static ScoreResult Check(string scorer, bool? passed) => new(scorer, "1", new Dictionary<string, double>(), new JsonObject { ["summary"] = scorer }, passed);

    [Fact]
    public void An_image_fails_when_one_check_fails_and_measurements_do_not_count()
    {
        var attempt = SyntheticRun.Attempts().First(a => a is { Model: SyntheticRun.Gpt, PromptId: "poster" });
        var scores = new AttemptScores(attempt, [Check("text", true), Check("pixel-art", false), Check("sharpness", null)]);
        var entry = PromptSections.Entry(attempt, "GPT Image 2", scores);
        Assert.Equal((ShotVerdict.Failed, 1, 2), (entry.Verdict, entry.ChecksPassed, entry.ChecksMade));
        Assert.Equal("GPT Image 2 image for prompt poster: failed 1 of 2 checks", ShotFigure.AltText("poster", entry));
        Assert.Equal((1024, 1024), (entry.Width, entry.Height));
        Assert.Equal("$0.03 (catalog)", entry.Cost);

        var passed = PromptSections.Entry(attempt with { Repeat = 2 }, "GPT Image 2", scores with { Results = [Check("text", true)] });
        Assert.Equal("GPT Image 2 image for prompt poster (repeat 3): passed 1 of 1 check", ShotFigure.AltText("poster", passed));
        Assert.Equal(ShotVerdict.NotScored, PromptSections.Entry(attempt, "GPT Image 2", null).Verdict);
    }

    [Fact]
    public void An_attempt_without_an_image_has_no_image_whatever_was_scored()
    {
        var refused = SyntheticRun.Attempts().First(a => a.Outcome == AttemptOutcome.Refused);
        var entry = PromptSections.Entry(refused, "GPT Image 2", null);
        Assert.Equal(ShotVerdict.NoImage, entry.Verdict);
        Assert.Equal("no image (refused)", entry.VerdictText);
        Assert.Null(entry.Width);
    }

    [Fact]
    public void Report_html_marks_each_figure_for_the_gallery()
    {
        var html = HtmlReportWriter.Write(RunReportBuilder.Build(SyntheticRun.Manifest(), SyntheticRun.Attempts(), SyntheticRun.Suite, SyntheticRun.Catalog));
        Assert.Contains("data-slot=\"flux-1.1-pro/hands/0\"", html, StringComparison.Ordinal);
        Assert.Contains("data-verdict=\"no-image\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }
}
