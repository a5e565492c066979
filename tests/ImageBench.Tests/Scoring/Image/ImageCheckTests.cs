using System.Text.Json.Nodes;
using ImageBench.Scoring.Image;
using ImageBench.Tests.Support;
using SkiaSharp;

namespace ImageBench.Tests.Scoring.Image;

public sealed class ImageCheckTests
{
    public static TheoryData<string, byte[]> BadInputs() => new()
    {
        { "empty", [] },
        { "text", "<html>rate limited</html>"u8.ToArray() },
        { "truncated png", TestImages.Png(64, 64)[..60] },
        { "truncated jpeg", TestImages.Encode(256, 256, SKEncodedImageFormat.Jpeg)[..200] },
        { "png claiming 10000x10000", TestImages.PngClaiming(10000, 10000) },
        { "png claiming 16384x1", TestImages.PngClaiming(70000, 1) },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_input_is_a_recorded_failure_not_an_exception(string name, byte[] bytes)
    {
        var result = ImageCheck.Run(bytes, expectPixelArt: true);
        Assert.True(result.Failed, name);
        Assert.Empty(result.Results);
        Assert.Empty(result.Verdicts);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("cannot check image: ", Assert.Single(result.Lines));
        var json = result.ToJson();
        Assert.False(json["ok"]!.GetValue<bool>());
        Assert.False(string.IsNullOrEmpty(json["error"]!.GetValue<string>()));
    }

    [Fact]
    public void Pixel_art_expected_and_found_exits_0_with_every_verdict()
    {
        int n = 128;
        var low = LowResScene.Draw(new Random(9), n, n);
        var bytes = SyntheticImages.EncodeRgba(PixelArtCalibrationSet.NearestUpscale(low, n, n, 8), n * 8, n * 8);
        var result = ImageCheck.Run(bytes, expectPixelArt: true);
        Assert.Equal(0, result.ExitCode);
        Assert.True(result["pixel-art"]!.Passed);
        Assert.Equal(["pixel-art", "sharpness", "noise", "colourfulness", "light-direction"], result.Results.Select(r => r.Scorer));
        Assert.Contains(result.Lines, l => l.StartsWith("pixel-art: PASS pixel art (8 px cells", StringComparison.Ordinal));
        Assert.Contains(result.Lines, l => l.StartsWith("light-direction: ", StringComparison.Ordinal));
        var verdict = Assert.Single(result.Verdicts, v => v.Scorer == "pixel-art");
        Assert.True(verdict.Passed);
        Assert.StartsWith("pixel art (8 px cells", verdict.Summary, StringComparison.Ordinal);
        Assert.Equal(8, verdict.Details["pixel_size"]!.GetValue<double>());
        Assert.Null(Assert.Single(result.Verdicts, v => v.Scorer == "sharpness").Passed);
        var json = JsonNode.Parse(result.ToJson().ToJsonString())!;
        Assert.Equal(8, json["scorers"]!["pixel-art"]!["metrics"]!["pixel_size"]!.GetValue<double>());
        Assert.True(json["expectations_held"]!.GetValue<bool>());
        Assert.Equal(16, json["phash"]!.GetValue<string>().Length);
    }

    [Fact]
    public void Painterly_image_fails_a_pixel_art_expectation_but_passes_without_one()
    {
        var bytes = PixelArtCalibrationSet.Painterly(new Random(4), SKEncodedImageFormat.Jpeg, 85);
        var expected = ImageCheck.Run(bytes, expectPixelArt: true);
        Assert.Equal(1, expected.ExitCode);
        Assert.Contains(expected.Lines, l => l.StartsWith("pixel-art: FAIL not pixel art", StringComparison.Ordinal));
        var unasked = ImageCheck.Run(bytes, expectPixelArt: false);
        Assert.Equal(0, unasked.ExitCode);
        Assert.Null(unasked["pixel-art"]!.Passed);
    }
}
