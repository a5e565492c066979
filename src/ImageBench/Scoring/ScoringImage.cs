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
        var rgba = Decode(bytes, facts, out error);
        return rgba is null ? null : new ScoringImage(facts, facts.Width, facts.Height, rgba);
    }

    /// <summary>
    /// Every pixel or null: SKBitmap.Decode throws when no codec recognises the body and silently returns a
    /// partly blank bitmap for a corrupt one, so the codec's result code is checked instead.
    /// </summary>
    private static byte[]? Decode(byte[] bytes, ImageFacts facts, out string? error)
    {
        try
        {
            using var codec = SKCodec.Create(new MemoryStream(bytes, writable: false), out var created);
            if (codec is null || codec.Info.Width != facts.Width || codec.Info.Height != facts.Height)
            {
                error = $"the image does not decode ({created})";
                return null;
            }
            var info = new SKImageInfo(facts.Width, facts.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
            var rgba = new byte[info.BytesSize64];
            var result = codec.GetPixels(info, rgba);
            error = result == SKCodecResult.Success ? null : $"the image does not decode ({result}: truncated or corrupt body)";
            return error is null ? rgba : null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            error = $"the image does not decode ({e.GetType().Name}: {e.Message})";
            return null;
        }
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
