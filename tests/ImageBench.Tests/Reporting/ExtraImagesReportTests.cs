using ImageBench.Attempts;
using ImageBench.Reporting;
using static ImageBench.Reporting.ReportFormat;

namespace ImageBench.Tests.Reporting;

/// <summary>
/// A call that returned two images for the one asked (the recorded gpt-image-1 n=2 answer: $0.4993 of tokens) and a
/// fal-sized seed: the report divides cost per image by the images that came back, counts the money once, says the
/// provider sent more than asked, and shows the seed everywhere a user looks for it.
/// </summary>
public sealed class ExtraImagesReportTests
{
    private const decimal TwoImageCall = 0.4993m;
    private const string ExtraPath = "images/gpt-poster-2.png";
    private const string FalSeed = "17454220438242315174";

    private static IReadOnlyList<Attempt> Attempts() => SyntheticRun.Attempts().Select(a => a switch
    {
        { Model: SyntheticRun.Gpt, PromptId: "poster" } => a with
        {
            CostUsd = TwoImageCall,
            CostPerImageUsd = TwoImageCall / 2,
            ImagesReturned = 2,
            ExtraImages = [new ExtraImage(new ImageFacts("png", 1024, 1024, 1_500_000, "sha-gpt-poster-2"), ExtraPath, null, null)],
        },
        { Model: SyntheticRun.Flux, PromptId: "poster" } => a with { Seed = FalSeed },
        // An attempt stored before images were counted reads images_returned 0: its one image still counts.
        _ => a with { ImagesReturned = 0 },
    }).ToList();

    private static RunReport Report() => RunReportBuilder.Build(SyntheticRun.Manifest(), Attempts(), SyntheticRun.Suite, SyntheticRun.Catalog);

    [Fact]
    public void Cost_per_image_divides_by_the_images_that_came_back_and_total_spent_counts_the_call_once()
    {
        var gpt = Report().Models.Single(m => m.Id == SyntheticRun.Gpt).Stats;
        var ok = Attempts().Where(a => a.Model == SyntheticRun.Gpt && a.Outcome == AttemptOutcome.Ok).ToList();
        var money = ok.Sum(a => a.CostUsd!.Value);

        Assert.Equal(ok.Count + 1, gpt.ImagesReturned);
        Assert.Equal(1, gpt.CallsWithExtraImages);
        Assert.Equal(money / (ok.Count + 1), gpt.MeanCostPerOkImageUsd);
        Assert.Equal(money, gpt.TotalSpentUsd);
        Assert.Equal(money / (ok.Count + 1), gpt.SpentPerOkImageUsd);
    }

    [Fact]
    public void Markdown_and_html_show_the_split_cost_and_say_the_provider_returned_more_than_asked()
    {
        var report = Report();
        var gpt = report.Models.Single(m => m.Id == SyntheticRun.Gpt).Stats;
        var note = $"2 images returned for the 1 asked: {Usd(TwoImageCall)} for the call, {Usd(TwoImageCall / 2)} per image";
        var md = MarkdownReportWriter.Write(report);
        var html = HtmlReportWriter.Write(report);

        Assert.Contains($"| Cost per image | {Usd(gpt.MeanCostPerOkImageUsd)} | {Usd(0.05m)} |", md, StringComparison.Ordinal);
        Assert.Contains("| Extra images returned | 1 in 1 call (1 asked per call) | 0 |", md, StringComparison.Ordinal);
        Assert.Contains("Some calls returned more images than the one asked for", md, StringComparison.Ordinal);
        Assert.Contains($"- Images: {note}", md, StringComparison.Ordinal);
        Assert.Contains($"]({ExtraPath})", md, StringComparison.Ordinal);
        Assert.Contains(note, html, StringComparison.Ordinal);
        // The components add their scoped-CSS attribute to each element.
        Assert.Matches($"<a href=\"{System.Text.RegularExpressions.Regex.Escape(ExtraPath)}\"[^>]*>extra image 1</a>", html);
        Assert.Contains("Some calls returned more images than the one asked for", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_seed_is_shown_under_its_image_and_in_the_csv()
    {
        var report = Report();
        var md = MarkdownReportWriter.Write(report);
        var html = HtmlReportWriter.Write(report);
        var csv = CsvReportWriter.Write(report).Split("\r\n");

        Assert.Contains($"- Seed: {FalSeed}", md, StringComparison.Ordinal);
        Assert.Matches($"Seed: <code[^>]*>{FalSeed}</code>", html);
        var seedColumn = Array.IndexOf(csv[0].Split(','), "seed");
        Assert.True(seedColumn >= 0, "the CSV has a seed column");
        Assert.Contains(csv.Skip(1), row => row.Split(',').ElementAtOrDefault(seedColumn) == FalSeed);
    }

    [Fact]
    public void A_report_without_extra_images_has_no_extra_row_and_the_usual_note()
    {
        var report = RunReportBuilder.Build(SyntheticRun.Manifest(), SyntheticRun.Attempts(), SyntheticRun.Suite, SyntheticRun.Catalog);
        Assert.DoesNotContain(report.CostTable.Rows, r => r[0] == "Extra images returned");
        Assert.DoesNotContain("more images than", report.CostTable.Note, StringComparison.Ordinal);
    }
}
