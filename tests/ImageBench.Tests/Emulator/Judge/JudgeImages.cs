using ImageBench.Scoring;
using SkiaSharp;

namespace ImageBench.Tests.Emulator.Judge;

internal static class JudgeImages
{
    /// <summary>What the judge scorer sends: the served image decoded like ScoringImage, re-encoded as a bare PNG.</summary>
    public static byte[] ReencodedPng(byte[] served)
    {
        var image = ScoringImage.Load(served, out var error) ?? throw new InvalidOperationException(error);
        var info = new SKImageInfo(image.Width, image.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var pixels = SKImage.FromPixelCopy(info, image.Rgba);
        using var png = pixels.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }
}
