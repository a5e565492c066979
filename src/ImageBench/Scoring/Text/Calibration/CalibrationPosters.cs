using ImageBench.Emulator.Randomness;
using ImageBench.Emulator.Rendering;
using SkiaSharp;

namespace ImageBench.Scoring.Text.Calibration;

/// <summary>
/// Draws posters with known text for OCR tests and calibration: a textured gradient, soft shapes, and each line
/// centred in large type (the first as the headline). Deterministic per seed; fonts are embedded because
/// SkiaSharp's NoDependencies assets have no default typeface.
/// </summary>
internal static class CalibrationPosters
{
    private static readonly Lazy<SKTypeface> Italic = new(() => LoadFont("DejaVuSerif-BoldItalic.ttf"));

    public static byte[] Render(IReadOnlyList<string> lines, PosterStyle style, int width = 1024, int height = 1024, int seed = 1,
        SKEncodedImageFormat format = SKEncodedImageFormat.Png)
    {
        var random = new DeterministicRandom((ulong)seed * 7919 + (ulong)style);
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        var (paper, ink) = Colours(style, random);
        DrawBackground(canvas, width, height, paper, random);
        for (int i = 0; i < lines.Count; i++)
        {
            var typeface = style == PosterStyle.ItalicSerif ? Italic.Value : i == 0 ? EmbeddedFonts.Serif : EmbeddedFonts.Sans;
            DrawLine(canvas, width, height, lines, i, typeface, ink);
        }
        using var image = surface.Snapshot();
        using var data = image.Encode(format, 88)
            ?? throw new InvalidOperationException("SkiaSharp could not encode the poster.");
        return data.ToArray();
    }

    private static (SKColor Paper, SKColor Ink) Colours(PosterStyle style, DeterministicRandom random)
    {
        byte Jitter(int value) => (byte)Math.Clamp(value + random.NextInt(31) - 15, 0, 255);
        return style switch
        {
            PosterStyle.LightOnDark => (new SKColor(Jitter(30), Jitter(40), Jitter(70)), new SKColor(Jitter(240), Jitter(228), Jitter(200))),
            PosterStyle.ItalicSerif => (new SKColor(Jitter(236), Jitter(220), Jitter(190)), new SKColor(Jitter(90), Jitter(50), Jitter(30))),
            _ => (new SKColor(Jitter(240), Jitter(236), Jitter(226)), new SKColor(Jitter(25), Jitter(25), Jitter(35))),
        };
    }

    private static void DrawBackground(SKCanvas canvas, int width, int height, SKColor paper, DeterministicRandom random)
    {
        var shade = new SKColor((byte)(paper.Red * 0.9), (byte)(paper.Green * 0.9), (byte)(paper.Blue * 0.9));
        using var gradient = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height), [paper, shade], SKShaderTileMode.Clamp);
        using var paint = new SKPaint { Shader = gradient };
        canvas.DrawRect(0, 0, width, height, paint);
        using var blob = new SKPaint { IsAntialias = true, Color = shade.WithAlpha(120) };
        for (int i = 0; i < 4; i++)
        {
            canvas.DrawCircle((float)(random.NextDouble() * width), (float)(random.NextDouble() * height),
                (float)(0.1 + random.NextDouble() * 0.2) * Math.Min(width, height), blob);
        }
        // Paper texture: real generations are never flat, and flat backgrounds flatter OCR.
        using var noise = SKShader.CreatePerlinNoiseFractalNoise(0.02f, 0.02f, 3, random.NextInt(1000));
        using var texture = new SKPaint { Shader = noise, Color = SKColors.White.WithAlpha(50), BlendMode = SKBlendMode.SoftLight };
        canvas.DrawRect(0, 0, width, height, texture);
    }

    private static void DrawLine(SKCanvas canvas, int width, int height, IReadOnlyList<string> lines, int index, SKTypeface typeface, SKColor ink)
    {
        float band = height * 0.7f / lines.Count;
        using var font = new SKFont(typeface, 100);
        float maxWidth = width * 0.84f;
        float size = Math.Min(band * (index == 0 ? 0.5f : 0.32f), height * (index == 0 ? 0.14f : 0.07f));
        font.Size = Math.Max(8f, Math.Min(size, 100f * maxWidth / Math.Max(1f, font.MeasureText(lines[index]))));
        float baseline = height * 0.15f + band * index + band / 2 + font.Size * 0.35f;
        using var paint = new SKPaint { Color = ink, IsAntialias = true };
        canvas.DrawText(lines[index], width / 2f, baseline, SKTextAlign.Center, font, paint);
    }

    private static SKTypeface LoadFont(string file)
    {
        var name = "ImageBench.Scoring.Text.Calibration.Fonts." + file;
        using var stream = typeof(CalibrationPosters).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded font {name} is missing from the assembly.");
        return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException($"Embedded font {name} could not be loaded.");
    }
}
