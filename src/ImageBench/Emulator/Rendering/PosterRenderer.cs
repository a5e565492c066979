using ImageBench.Emulator.Randomness;
using SkiaSharp;

namespace ImageBench.Emulator.Rendering;

/// <summary>
/// Draws a stand-in "generated image": gradient, a few soft shapes, film grain (so encoded sizes resemble real
/// photographic output) and every requested string in large legible type on a plain band, so OCR can read it.
/// </summary>
internal static class PosterRenderer
{
    /// <summary>Grain alpha levels tried in turn: less grain means smaller files, for when a size target is set.</summary>
    private static readonly byte[] GrainLevels = [70, 30, 10, 0];

    public static byte[] Render(RenderRequest request)
    {
        byte[] bytes = [];
        foreach (byte grain in GrainLevels)
        {
            bytes = Encode(request, grain);
            if (request.BytesTarget is not int target || bytes.Length <= target)
            {
                break;
            }
        }
        return request.BytesTarget is int goal ? ImagePadding.PadTo(bytes, request.Format, goal) : bytes;
    }

    private static byte[] Encode(RenderRequest request, byte grain)
    {
        var random = new DeterministicRandom(request.StyleSeed);
        var info = new SKImageInfo(request.Width, request.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        DrawBackground(canvas, request.Width, request.Height, random);
        DrawShapes(canvas, request.Width, request.Height, random);
        DrawGrain(canvas, request.Width, request.Height, random, grain);
        DrawText(canvas, request.Width, request.Height, request.Text);
        using var image = surface.Snapshot();
        using var data = image.Encode(ToSkia(request.Format), request.Quality)
            ?? throw new InvalidOperationException($"SkiaSharp could not encode {request.Format}.");
        return data.ToArray();
    }

    private static SKEncodedImageFormat ToSkia(string format) => format switch
    {
        "jpeg" => SKEncodedImageFormat.Jpeg,
        "webp" => SKEncodedImageFormat.Webp,
        _ => SKEncodedImageFormat.Png,
    };

    private static SKColor RandomColor(DeterministicRandom random, byte min, byte max) => new(
        (byte)(min + random.NextInt(max - min)), (byte)(min + random.NextInt(max - min)), (byte)(min + random.NextInt(max - min)));

    private static void DrawBackground(SKCanvas canvas, int width, int height, DeterministicRandom random)
    {
        using var shader = SKShader.CreateLinearGradient(
            new SKPoint(0, 0), new SKPoint(width, height),
            [RandomColor(random, 150, 250), RandomColor(random, 90, 220)], SKShaderTileMode.Clamp);
        using var paint = new SKPaint { Shader = shader };
        canvas.DrawRect(0, 0, width, height, paint);
    }

    private static void DrawShapes(SKCanvas canvas, int width, int height, DeterministicRandom random)
    {
        using var paint = new SKPaint { IsAntialias = true };
        for (int i = 0; i < 6; i++)
        {
            paint.Color = RandomColor(random, 30, 230).WithAlpha((byte)(90 + random.NextInt(120)));
            float x = (float)(random.NextDouble() * width);
            float y = (float)(random.NextDouble() * height);
            float r = (float)((0.05 + random.NextDouble() * 0.2) * Math.Min(width, height));
            if (i % 2 == 0)
            {
                canvas.DrawCircle(x, y, r, paint);
            }
            else
            {
                canvas.DrawRoundRect(x - r, y - r * 0.6f, r * 2, r * 1.2f, r * 0.2f, r * 0.2f, paint);
            }
        }
    }

    private static void DrawGrain(SKCanvas canvas, int width, int height, DeterministicRandom random, byte grainAlpha)
    {
        // Fine turbulence at ~pixel frequency: real generations are noisy at pixel scale, which is what makes
        // their PNGs large; a clean gradient would compress to almost nothing.
        using var grain = SKShader.CreatePerlinNoiseTurbulence(0.7f, 0.7f, 2, random.NextInt(1000));
        using var paint = new SKPaint { Shader = grain, Color = SKColors.White.WithAlpha(grainAlpha), BlendMode = SKBlendMode.Overlay };
        canvas.DrawRect(0, 0, width, height, paint);
        using var texture = SKShader.CreatePerlinNoiseFractalNoise(0.01f, 0.01f, 3, random.NextInt(1000));
        using var texturePaint = new SKPaint { Shader = texture, Color = SKColors.White.WithAlpha(60), BlendMode = SKBlendMode.SoftLight };
        canvas.DrawRect(0, 0, width, height, texturePaint);
    }

    private static void DrawText(SKCanvas canvas, int width, int height, IReadOnlyList<string> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }
        float band = height * 0.8f / lines.Count;
        float top = height * 0.1f;
        using var panel = new SKPaint { Color = SKColors.White.WithAlpha(225) };
        using var ink = new SKPaint { Color = new SKColor(20, 20, 28), IsAntialias = true };
        for (int i = 0; i < lines.Count; i++)
        {
            // The first string is the headline (serif, as posters usually ask); the rest are sans subtitles.
            using var font = new SKFont(i == 0 ? EmbeddedFonts.Serif : EmbeddedFonts.Sans, 100);
            float maxWidth = width * 0.86f;
            float size = Math.Min(band * (i == 0 ? 0.55f : 0.4f), height * 0.13f);
            size = Math.Min(size, 100f * maxWidth / Math.Max(1f, font.MeasureText(lines[i])));
            font.Size = Math.Max(8f, size);
            float textWidth = font.MeasureText(lines[i]);
            float baseline = top + band * i + band / 2 + font.Size * 0.35f;
            float pad = font.Size * 0.3f;
            canvas.DrawRect(width / 2f - textWidth / 2 - pad, baseline - font.Size - pad / 2, textWidth + 2 * pad, font.Size * 1.35f + pad, panel);
            canvas.DrawText(lines[i], width / 2f, baseline, SKTextAlign.Center, font, ink);
        }
    }
}
