using SkiaSharp;

namespace ImageBench.Tests.Images;

/// <summary>Real images encoded by SkiaSharp, so the header readers are tested against a real encoder's output.</summary>
internal static class TestImages
{
    public static byte[] Png(int width, int height) => Encode(width, height, opaque: true, p => p.Encode(new SKPngEncoderOptions()));

    public static byte[] Jpeg(int width, int height) => Encode(width, height, opaque: true, p => p.Encode(new SKJpegEncoderOptions(80, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore)));

    /// <summary>Lossy WebP of an opaque image: a simple "VP8 " file.</summary>
    public static byte[] WebpLossy(int width, int height) => Encode(width, height, opaque: true, p => p.Encode(new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossy, 80)));

    /// <summary>Lossless WebP: a "VP8L" file.</summary>
    public static byte[] WebpLossless(int width, int height) => Encode(width, height, opaque: true, p => p.Encode(new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossless, 80)));

    /// <summary>Lossy WebP with transparency: an extended "VP8X" file (ALPH + VP8 chunks).</summary>
    public static byte[] WebpExtended(int width, int height) => Encode(width, height, opaque: false, p => p.Encode(new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossy, 80)));

    private static byte[] Encode(int width, int height, bool opaque, Func<SKPixmap, SKData?> encode)
    {
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, opaque ? SKAlphaType.Opaque : SKAlphaType.Unpremul);
        using var bitmap = new SKBitmap(info);
        // A gradient-ish pattern so encoders cannot collapse the image to a trivial stream.
        var pixels = bitmap.GetPixelSpan();
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var i = (y * width + x) * 4;
                pixels[i] = (byte)(x * 7);
                pixels[i + 1] = (byte)(y * 5);
                pixels[i + 2] = (byte)(x ^ y);
                pixels[i + 3] = opaque ? (byte)255 : (byte)(x + y);
            }
        }
        using var pixmap = bitmap.PeekPixels();
        using var data = encode(pixmap) ?? throw new InvalidOperationException("SkiaSharp could not encode the test image");
        return data.ToArray();
    }
}
