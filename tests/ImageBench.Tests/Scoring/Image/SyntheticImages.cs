using SkiaSharp;

namespace ImageBench.Tests.Scoring.Image;

/// <summary>Raw RGBA canvases turned into encoded files, and a few simple generated pictures for known-answer tests.</summary>
internal static class SyntheticImages
{
    public static SKImage ToImage(byte[] rgba, int width, int height) =>
        SKImage.FromPixelCopy(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul), rgba)
        ?? throw new InvalidOperationException("SkiaSharp refused the pixels");

    public static byte[] Encode(SKImage image, SKEncodedImageFormat format, int quality = 100)
    {
        using var data = image.Encode(format, quality) ?? throw new InvalidOperationException($"cannot encode {format}");
        return data.ToArray();
    }

    public static byte[] EncodeRgba(byte[] rgba, int width, int height, SKEncodedImageFormat format = SKEncodedImageFormat.Png, int quality = 100)
    {
        using var image = ToImage(rgba, width, height);
        return Encode(image, format, quality);
    }

    /// <summary>Draws with <paramref name="draw"/> on a fresh opaque canvas and encodes the result.</summary>
    public static byte[] Draw(int width, int height, Action<SKCanvas> draw, SKEncodedImageFormat format = SKEncodedImageFormat.Png, int quality = 100)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        surface.Canvas.Clear(SKColors.Black);
        draw(surface.Canvas);
        using var image = surface.Snapshot();
        return Encode(image, format, quality);
    }

    /// <summary>Grey levels from <paramref name="pixel"/>(x, y), clamped to 0..255.</summary>
    public static byte[] Gray(int width, int height, Func<int, int, double> pixel)
    {
        var rgba = new byte[width * height * 4];
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                byte v = (byte)Math.Clamp(Math.Round(pixel(x, y)), 0, 255);
                int p = (y * width + x) * 4;
                rgba[p] = rgba[p + 1] = rgba[p + 2] = v;
                rgba[p + 3] = 255;
            }
        }
        return EncodeRgba(rgba, width, height);
    }

    /// <summary>Standard normal sample (Box–Muller).</summary>
    public static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
