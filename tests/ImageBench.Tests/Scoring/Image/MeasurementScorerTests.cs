using ImageBench.Scoring.Image;
using ImageBench.Suites;
using SkiaSharp;

namespace ImageBench.Tests.Scoring.Image;

public sealed class MeasurementScorerTests
{
    private static readonly Expectations None = new();

    private static byte[] Shapes(float blur) => SyntheticImages.Draw(512, 512, c =>
    {
        c.Clear(new SKColor(40, 60, 90));
        using var paint = new SKPaint { IsAntialias = true, Color = new SKColor(230, 200, 80) };
        if (blur > 0)
            paint.ImageFilter = SKImageFilter.CreateBlur(blur, blur);
        for (int i = 0; i < 12; i++)
            c.DrawRect(20 + i * 40, 30 + i * 35 % 400, 25, 60, paint);
    });

    [Fact]
    public void Blurred_image_is_less_sharp_than_the_same_image_sharp()
    {
        var scorer = new SharpnessScorer();
        double sharp = scorer.Score(Load.Image(Shapes(0)), None, default).Metrics["laplacian_variance"];
        double blurred = scorer.Score(Load.Image(Shapes(3)), None, default).Metrics["laplacian_variance"];
        Assert.True(sharp > 4 * blurred, $"sharp {sharp}, blurred {blurred}");
        Assert.True(blurred > 0);
    }

    [Theory]
    [InlineData(5.0)]
    [InlineData(10.0)]
    [InlineData(20.0)]
    public void Added_gaussian_noise_is_estimated_within_20_percent(double sigma)
    {
        var random = new Random(7);
        // A smooth ramp: Immerkær's mask cancels it, so only the added noise is measured.
        var bytes = SyntheticImages.Gray(512, 512, (x, y) => 80 + x * 0.1 + y * 0.05 + sigma * SyntheticImages.Gaussian(random));
        double estimate = new NoiseScorer().Score(Load.Image(bytes), None, default).Metrics["noise_sigma"];
        Assert.InRange(estimate, sigma * 0.8, sigma * 1.2);
    }

    [Fact]
    public void Clean_ramp_has_almost_no_noise()
    {
        var bytes = SyntheticImages.Gray(256, 256, (x, y) => 50 + x * 0.5);
        Assert.True(new NoiseScorer().Score(Load.Image(bytes), None, default).Metrics["noise_sigma"] < 1);
    }

    [Fact]
    public void Grey_image_is_not_colourful()
    {
        var result = new ColourfulnessScorer().Score(Load.Image(SyntheticImages.Gray(64, 64, (x, y) => x * 4)), None, default);
        Assert.Equal(0, result.Metrics["colourfulness"], 6);
        Assert.Equal("not colourful", result.Details["band"]!.ToString());
    }

    [Fact]
    public void Saturated_patchwork_is_highly_colourful()
    {
        SKColor[] colours = [SKColors.Red, SKColors.Lime, SKColors.Blue, SKColors.Yellow, SKColors.Magenta, SKColors.Cyan];
        var bytes = SyntheticImages.Draw(240, 240, c =>
        {
            using var paint = new SKPaint();
            for (int i = 0; i < 36; i++)
            {
                paint.Color = colours[(i * 7 + i / 6) % colours.Length];
                c.DrawRect(i % 6 * 40, i / 6 * 40, 40, 40, paint);
            }
        });
        var result = new ColourfulnessScorer().Score(Load.Image(bytes), None, default);
        Assert.True(result.Metrics["colourfulness"] >= 82, $"M3 = {result.Metrics["colourfulness"]}");
        Assert.Contains(result.Details["band"]!.ToString(), new[] { "highly colourful", "extremely colourful" });
    }

    [Theory]
    [InlineData(1.0, -1.0, "from upper-right")]
    [InlineData(-1.0, 0.0, "from left")]
    [InlineData(0.0, 1.0, "from below")]
    public void Light_direction_reads_a_lit_gradient(double towardsX, double towardsY, string expected)
    {
        // Brightness rises towards the light (x right, y down), with a little texture so it is not trivially clean.
        var random = new Random(3);
        var bytes = SyntheticImages.Gray(400, 400, (x, y) => 128 + 0.25 * (towardsX * (x - 200) + towardsY * (y - 200)) + 3 * SyntheticImages.Gaussian(random));
        var result = new LightDirectionScorer().Score(Load.Image(bytes), new Expectations { Lighting = "window light" }, default);
        Assert.Equal(expected, result.Details["verdict"]!.ToString());
        Assert.Null(result.Passed);
        Assert.True(result.Metrics["confidence"] > 0.5, $"confidence {result.Metrics["confidence"]}");
    }

    [Fact]
    public void Light_direction_applies_only_when_lighting_is_asked_for()
    {
        Assert.False(new LightDirectionScorer().AppliesTo(new Expectations()));
        Assert.True(new LightDirectionScorer().AppliesTo(new Expectations { Lighting = "rim light" }));
    }

    [Fact]
    public void Flat_image_has_no_clear_light_direction()
    {
        var result = new LightDirectionScorer().Score(Load.Image(SyntheticImages.Gray(64, 64, (_, _) => 100)), None, default);
        Assert.Equal("no clear direction", result.Details["verdict"]!.ToString());
        Assert.Equal(0, result.Metrics["confidence"]);
    }
}
