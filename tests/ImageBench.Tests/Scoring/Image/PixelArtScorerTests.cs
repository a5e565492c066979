using ImageBench.Emulator.Rendering;
using ImageBench.Scoring.Image;
using ImageBench.Suites;
using SkiaSharp;

namespace ImageBench.Tests.Scoring.Image;

public sealed class PixelArtScorerTests
{
    private static byte[] Sprite(int seed, int scale, SKEncodedImageFormat format = SKEncodedImageFormat.Png, int quality = 100)
    {
        int n = 1024 / scale;
        var low = LowResScene.Draw(new Random(seed), n, n);
        return SyntheticImages.EncodeRgba(PixelArtCalibrationSet.NearestUpscale(low, n, n, scale), n * scale, n * scale, format, quality);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(13)]
    public void Nearest_neighbour_sprite_is_pixel_art_at_its_scale(int scale)
    {
        var result = new PixelArtScorer().Score(Load.Image(Sprite(10 + scale, scale, SKEncodedImageFormat.Jpeg, 80)), new Expectations { Style = "pixel-art" }, default);
        Assert.True(result.Passed, result.Details["reason"]!.ToString());
        Assert.Equal(1, result.Metrics["is_pixel_art"]);
        Assert.Equal(scale, result.Metrics["pixel_size"]);
        Assert.True(result.Metrics["grid_consistency"] >= 0.9);
        Assert.True(result.Metrics["palette_size"] <= 40, $"palette {result.Metrics["palette_size"]}");
    }

    [Theory]
    [InlineData(96)]
    [InlineData(100)]
    [InlineData(150)]
    public void Non_integer_upscale_is_pixel_art_with_a_fractional_pixel_size(int cells)
    {
        var low = LowResScene.Draw(new Random(cells), cells, cells);
        using var lowImage = SyntheticImages.ToImage(low, cells, cells);
        var bytes = SyntheticImages.Draw(1024, 1024, c => c.DrawImage(lowImage, new SKRect(0, 0, 1024, 1024), new SKSamplingOptions(SKFilterMode.Nearest)));
        var result = new PixelArtScorer().Score(Load.Image(bytes), new Expectations { Style = "pixel-art" }, default);
        Assert.True(result.Passed, result.Details["reason"]!.ToString());
        Assert.Equal(1024.0 / cells, result.Metrics["pixel_size"], 1);
    }

    [Fact]
    public void Passed_is_null_unless_the_style_asks_for_pixel_art()
    {
        var scorer = new PixelArtScorer();
        var image = Load.Image(Sprite(3, 8));
        Assert.Null(scorer.Score(image, new Expectations { Style = "watercolor" }, default).Passed);
        Assert.Null(scorer.Score(image, new Expectations(), default).Passed);
        Assert.Equal(1, scorer.Score(image, new Expectations(), default).Metrics["is_pixel_art"]);
        Assert.False(scorer.AppliesTo(new Expectations { Style = "watercolor" }));
        Assert.True(scorer.AppliesTo(new Expectations { Style = "16-bit Pixel Art" }));
    }

    [Fact]
    public void Painterly_image_asked_to_be_pixel_art_fails()
    {
        var painterly = PixelArtCalibrationSet.Painterly(new Random(5), SKEncodedImageFormat.Png, 100);
        var result = new PixelArtScorer().Score(Load.Image(painterly), new Expectations { Style = "pixel art" }, default);
        Assert.False(result.Passed);
        Assert.Equal(0, result.Metrics["is_pixel_art"]);
    }

    [Theory]
    [InlineData("png", 1UL)]
    [InlineData("jpeg", 2UL)]
    [InlineData("webp", 3UL)]
    [InlineData("png", 4UL)]
    public void Emulator_posters_are_not_pixel_art(string format, ulong seed)
    {
        var poster = PosterRenderer.Render(new RenderRequest("OPEN FROM 7 AM EVERY DAY\nFresh bread", seed, 1024, 1024, format, 85, null));
        var result = new PixelArtScorer().Score(Load.Image(poster), new Expectations { Style = "pixel-art" }, default);
        Assert.False(result.Passed, result.Details["reason"]!.ToString());
    }
}
