using ImageBench.Attempts;
using ImageBench.Images;
using SkiaSharp;

namespace ImageBench.Scoring;

/// <summary>
/// An image decoded once for every scorer: 8-bit RGBA (unpremultiplied, row-major, 4 bytes a pixel) and 8-bit
/// luma. The header is checked before decoding so a decompression bomb is refused, not decoded.
/// </summary>
public sealed class ScoringImage
{
    private byte[]? _gray;

    private ScoringImage(ImageFacts facts, int width, int height, byte[] rgba)
    {
        Facts = facts;
        Width = width;
        Height = height;
        Rgba = rgba;
    }

    public ImageFacts Facts { get; }
    public int Width { get; }
    public int Height { get; }
    public byte[] Rgba { get; }

    /// <summary>Rec. 601 luma, computed on first use.</summary>
    public byte[] Gray => _gray ??= ToGray(Rgba, Width * Height);

    /// <summary>The decoded image, or null with the reason (not an image, truncated, absurd size).</summary>
    public static ScoringImage? Load(byte[] bytes, out string? error)
    {
        var inspection = ImageInspector.Inspect(bytes);
        if (inspection.Facts is not { } facts)
        {
            error = inspection.Error;
            return null;
        }
        // Skia fills a cut-short image with blank rows rather than failing; a scorer would then grade a half image.
        if (ImageCompleteness.Check(bytes, facts.Format) is { } cutShort)
        {
            error = cutShort;
            return null;
        }
        using var bitmap = SKBitmap.Decode(bytes, new SKImageInfo(facts.Width, facts.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        if (bitmap is null || bitmap.Width != facts.Width || bitmap.Height != facts.Height)
        {
            error = "the image does not decode (truncated or corrupt body)";
            return null;
        }
        error = null;
        return new ScoringImage(facts, bitmap.Width, bitmap.Height, bitmap.Bytes);
    }

    private static byte[] ToGray(byte[] rgba, int pixels)
    {
        var gray = new byte[pixels];
        for (var i = 0; i < pixels; i++)
        {
            var o = i * 4;
            gray[i] = (byte)((rgba[o] * 299 + rgba[o + 1] * 587 + rgba[o + 2] * 114 + 500) / 1000);
        }
        return gray;
    }
}
