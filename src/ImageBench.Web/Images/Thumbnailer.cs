using ImageBench.Images;
using SkiaSharp;

namespace ImageBench.Web.Images;

/// <summary>
/// Makes the gallery's small images: WebP at most <see cref="Height"/> pixels high (and three times that wide), the
/// aspect ratio kept, never enlarged. The gallery shows images about 300 px high, so this stays sharp on a
/// high-density screen at a tenth of a 1024² PNG's bytes.
/// </summary>
public static class Thumbnailer
{
    public const int Height = 384;
    public const int MaxWidth = 3 * Height;
    public const int Quality = 80;

    /// <summary>WebP bytes, or null when the file does not decode (or claims a decompression-bomb size).</summary>
    public static byte[]? Make(byte[] image)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var stream = new MemoryStream(image, writable: false);
        using var codec = SKCodec.Create(stream);
        if (codec is null || ImageLimits.Check(codec.Info.Width, codec.Info.Height) is not null) return null;
        using var decoded = SKBitmap.Decode(codec);
        if (decoded is null) return null;
        var (width, height) = Fit(decoded.Width, decoded.Height);
        using var resized = width == decoded.Width ? decoded.Copy() : decoded.Resize(new SKImageInfo(width, height), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        if (resized is null) return null;
        using var data = resized.Encode(SKEncodedImageFormat.Webp, Quality);
        return data?.ToArray();
    }

    /// <summary>The thumbnail's size for an image of this size.</summary>
    public static (int Width, int Height) Fit(int width, int height)
    {
        var scale = Math.Min(1.0, Math.Min(Height / (double)height, MaxWidth / (double)width));
        return (Math.Max(1, (int)Math.Round(width * scale)), Math.Max(1, (int)Math.Round(height * scale)));
    }
}
