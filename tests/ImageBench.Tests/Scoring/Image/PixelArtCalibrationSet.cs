using SkiaSharp;

namespace ImageBench.Tests.Scoring.Image;

internal sealed record CalibrationImage(string Name, bool IsPixelArt, byte[] Bytes);

/// <summary>
/// The pixel-art calibration set, generated: positives are low-resolution scenes in small palettes upscaled by
/// nearest neighbour ×3..×16 to about 1024², as PNG or as JPEG/WebP at quality 70–90; negatives are painterly
/// images (gradients, blurred shapes, grain), the same kind of scenes upscaled bilinearly or blurred after
/// upscaling, and photo-like noise. A seed gives the same set every time; different seeds give disjoint sets.
/// </summary>
internal static class PixelArtCalibrationSet
{
    public const int Side = 1024;

    public static IEnumerable<CalibrationImage> Generate(int seed, int perClass)
    {
        var random = new Random(seed);
        for (int i = 0; i < perClass; i++)
        {
            yield return Positive(random, i);
            yield return Negative(random, i);
        }
    }

    private static CalibrationImage Positive(Random random, int i)
    {
        if (i % 4 == 3)
            return FractionalPositive(random);
        int scale = random.Next(3, 17);
        int n = Side / scale;
        var low = LowResScene.Draw(random, n, n);
        var big = NearestUpscale(low, n, n, scale);
        var (format, quality) = (i % 3) switch
        {
            0 => (SKEncodedImageFormat.Png, 100),
            1 => (SKEncodedImageFormat.Jpeg, random.Next(70, 91)),
            _ => (SKEncodedImageFormat.Webp, random.Next(70, 91)),
        };
        return new($"sprite x{scale} {format} q{quality}", true, SyntheticImages.EncodeRgba(big, n * scale, n * scale, format, quality));
    }

    /// <summary>Art upscaled by a non-integer factor (64..300 cells over 1024 px), as a model's output often is.</summary>
    private static CalibrationImage FractionalPositive(Random random)
    {
        int n = random.Next(64, 301);
        var low = LowResScene.Draw(random, n, n);
        using var lowImage = SyntheticImages.ToImage(low, n, n);
        var format = random.Next(2) == 0 ? SKEncodedImageFormat.Png : SKEncodedImageFormat.Jpeg;
        int quality = random.Next(70, 91);
        var bytes = SyntheticImages.Draw(Side, Side, c => c.DrawImage(lowImage, new SKRect(0, 0, Side, Side),
            new SKSamplingOptions(SKFilterMode.Nearest)), format, quality);
        return new($"sprite x{(double)Side / n:0.00} {format} q{quality}", true, bytes);
    }

    private static CalibrationImage Negative(Random random, int i)
    {
        int quality = random.Next(70, 91);
        var format = random.Next(2) == 0 ? SKEncodedImageFormat.Jpeg : SKEncodedImageFormat.Png;
        switch (i % 4)
        {
            case 0:
                return new($"painterly {format}", false, Painterly(random, format, quality));
            case 1:
            {
                int scale = random.Next(3, 17), n = Side / scale;
                var low = LowResScene.Draw(random, n, n);
                using var lowImage = SyntheticImages.ToImage(low, n, n);
                var bytes = SyntheticImages.Draw(n * scale, n * scale, c => c.DrawImage(lowImage, new SKRect(0, 0, n * scale, n * scale),
                    new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None)), format, quality);
                return new($"sprite bilinear x{scale} {format}", false, bytes);
            }
            case 2:
            {
                int scale = random.Next(3, 17), n = Side / scale;
                float sigma = (float)(1.5 + random.NextDouble() * 2.5);
                var big = NearestUpscale(LowResScene.Draw(random, n, n), n, n, scale);
                using var bigImage = SyntheticImages.ToImage(big, n * scale, n * scale);
                using var blur = new SKPaint { ImageFilter = SKImageFilter.CreateBlur(sigma, sigma) };
                var bytes = SyntheticImages.Draw(n * scale, n * scale, c => c.DrawImage(bigImage, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest), blur), format, quality);
                return new($"sprite x{scale} blurred {sigma:0.0} {format}", false, bytes);
            }
            default:
                return new($"photo-like noise {format}", false, PhotoLike(random, format, quality));
        }
    }

    public static byte[] NearestUpscale(byte[] low, int w, int h, int scale)
    {
        int bw = w * scale;
        var big = new byte[bw * h * scale * 4];
        for (int y = 0; y < h * scale; y++)
        {
            for (int x = 0; x < bw; x++)
                Array.Copy(low, ((y / scale) * w + x / scale) * 4, big, (y * bw + x) * 4, 4);
        }
        return big;
    }

    private static SKColor RandomColour(Random r) => new((byte)r.Next(256), (byte)r.Next(256), (byte)r.Next(256));

    public static byte[] Painterly(Random random, SKEncodedImageFormat format, int quality) =>
        SyntheticImages.Draw(Side, Side, canvas =>
        {
            using var shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(Side, Side),
                [RandomColour(random), RandomColour(random)], SKShaderTileMode.Clamp);
            using var background = new SKPaint { Shader = shader };
            canvas.DrawRect(0, 0, Side, Side, background);
            using var paint = new SKPaint { IsAntialias = true };
            for (int k = 0; k < 25; k++)
            {
                paint.Color = RandomColour(random).WithAlpha((byte)random.Next(80, 230));
                using var blur = SKMaskFilter.CreateBlur(SKBlurStyle.Normal, (float)(2 + random.NextDouble() * 30));
                paint.MaskFilter = blur;
                canvas.DrawOval(random.Next(Side), random.Next(Side), random.Next(20, 250), random.Next(20, 250), paint);
            }
            paint.MaskFilter = null;
            using var grain = SKShader.CreatePerlinNoiseTurbulence(0.7f, 0.7f, 2, random.Next(1000));
            using var grainPaint = new SKPaint { Shader = grain, Color = SKColors.White.WithAlpha((byte)random.Next(0, 60)), BlendMode = SKBlendMode.Overlay };
            canvas.DrawRect(0, 0, Side, Side, grainPaint);
        }, format, quality);

    private static byte[] PhotoLike(Random random, SKEncodedImageFormat format, int quality)
    {
        var rgba = new byte[Side * Side * 4];
        var (r0, g0, b0) = (random.Next(40, 200), random.Next(40, 200), random.Next(40, 200));
        double sigma = 2 + random.NextDouble() * 10;
        for (int y = 0; y < Side; y++)
        {
            for (int x = 0; x < Side; x++)
            {
                double shade = 60 * Math.Sin(x / 90.0 + y / 130.0) + 30 * Math.Cos(x / 37.0 - y / 53.0);
                double noise = sigma * SyntheticImages.Gaussian(random);
                int p = (y * Side + x) * 4;
                rgba[p] = (byte)Math.Clamp(r0 + shade + noise, 0, 255);
                rgba[p + 1] = (byte)Math.Clamp(g0 + shade * 0.8 + noise, 0, 255);
                rgba[p + 2] = (byte)Math.Clamp(b0 + shade * 0.6 + noise, 0, 255);
                rgba[p + 3] = 255;
            }
        }
        return SyntheticImages.EncodeRgba(rgba, Side, Side, format, quality);
    }
}
