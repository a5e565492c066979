using SkiaSharp;

namespace ImageBench.Scoring.Judge;

/// <summary>
/// The image as the judge sees it: the decoded pixels re-encoded as PNG. Re-encoding drops every metadata chunk
/// (EXIF, XMP, PNG text — which often name the model that drew it), so the judge grades pixels, not provenance.
/// </summary>
public static class JudgeImage
{
    public const string MediaType = "image/png";

    public static byte[] Png(ScoringImage image)
    {
        var info = new SKImageInfo(image.Width, image.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var skImage = SKImage.FromPixelCopy(info, image.Rgba) ?? throw new InvalidOperationException("SkiaSharp refused the decoded pixels");
        using var data = skImage.Encode(SKEncodedImageFormat.Png, 100) ?? throw new InvalidOperationException("SkiaSharp could not encode PNG");
        return data.ToArray();
    }
}
