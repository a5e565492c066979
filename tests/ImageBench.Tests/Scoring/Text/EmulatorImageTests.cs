using ImageBench.Emulator;
using ImageBench.Emulator.Rendering;
using ImageBench.Scoring.Text;
using ImageBench.Suites;
using Xunit.Abstractions;
using static ImageBench.Tests.Scoring.Text.PosterOcr;

namespace ImageBench.Tests.Scoring.Text;

/// <summary>
/// The emulator's own images, as a run would store them: with seed 42 FLUX1.1 [pro] draws the article's EYERY
/// (as WebP, its format), gpt-image-2 draws the poster right (as PNG). Scored through the IImageScorer contract.
/// </summary>
public sealed class EmulatorImageTests(TesseractScorerFixture fixture, ITestOutputHelper output) : IClassFixture<TesseractScorerFixture>
{
    private const string Prompt =
        "Minimalist coffee shop poster — large bold serif \"MORNING BREW\", subtitle \"OPEN FROM 7 AM EVERY DAY\", watercolor coffee cup on the lower right, editorial layout.";

    private static readonly Expectations Expect = new() { Text = [new("MORNING BREW"), new(Expected)] };

    private static async Task<(ImageBench.Scoring.ScoringImage Image, IReadOnlyList<string> Drawn)> RenderAsync(string model, string format)
    {
        var factory = new ImageFactory(EmulatorOptions.ArticleDefaults(0));
        var rendered = await factory.RenderAsync(model, Prompt, 1024, 1024, format, 90);
        return (Load(rendered.Bytes), rendered.Text);
    }

    [Fact]
    public async Task Flux_pro_seed_42_fails_with_the_EYERY_typo()
    {
        var (image, drawn) = await RenderAsync("flux-pro-1.1", "webp");
        var result = fixture.Scorer.Score(image, Expect, CancellationToken.None);
        output.WriteLine(result.Details.ToJsonString());
        // Seed 42 also misspells the headline (O→Q): the emulator's ground truth says what each string must score.
        Assert.Equal(["MQRNING BREW", Misspelt], drawn);

        Assert.Null(result.Error);
        Assert.False(result.Passed);
        Assert.Equal(0, result.Metrics["all_exact"]);
        var subtitle = result.Details["strings"]![1]!;
        Assert.False((bool)subtitle["exact"]!);
        Assert.False((bool)subtitle["uncertain"]!);
        var typo = Assert.Single(subtitle["typos"]!.AsArray())!;
        Assert.Equal("EVERY → EYERY", (string)typo["text"]!);
        Assert.Equal("V→Y at 2", (string)typo["chars"]![0]!);
        var headline = result.Details["strings"]![0]!;
        Assert.Equal("MORNING → MQRNING", (string)Assert.Single(headline["typos"]!.AsArray())!["text"]!);
        Assert.False((bool)headline["uncertain"]!);
        Assert.Equal((1 - 1.0 / 12 + 1 - 1.0 / 24) / 2, result.Metrics["mean_string_score"], 1e-9);
        Assert.Equal(6.0 / 8, result.Metrics["word_recall"], 6);
    }

    [Fact]
    public async Task Gpt_image_2_passes_with_every_string_exact()
    {
        var (image, drawn) = await RenderAsync("gpt-image-2", "png");
        Assert.Equal(["MORNING BREW", Expected], drawn);
        var result = fixture.Scorer.Score(image, Expect, CancellationToken.None);
        output.WriteLine(result.Details.ToJsonString());

        Assert.Null(result.Error);
        Assert.True(result.Passed);
        Assert.Equal(1, result.Metrics["all_exact"]);
        Assert.Equal(1, result.Metrics["mean_string_score"]);
        Assert.Equal(1, result.Metrics["word_recall"]);
        Assert.All(result.Details["strings"]!.AsArray(), s => Assert.Empty(s!["typos"]!.AsArray()));
    }
}
