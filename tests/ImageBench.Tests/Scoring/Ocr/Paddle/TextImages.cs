using ImageBench.Emulator.Rendering;
using ImageBench.Scoring;
using SkiaSharp;

namespace ImageBench.Tests.Scoring.Ocr.Paddle;

/// <summary>Plain text lines drawn for OCR tests: Latin in the embedded DejaVu, Chinese in WenQuanYi Micro Hei (Debian fonts-wqy-microhei, installed by scripts/setup.sh).</summary>
internal static class TextImages
{
    public const string ChineseFontPath = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

    private static readonly Lazy<SKTypeface> Chinese = new(() => File.Exists(ChineseFontPath)
        ? SKTypeface.FromFile(ChineseFontPath) ?? throw new InvalidOperationException($"{ChineseFontPath} does not load")
        : throw new InvalidOperationException($"{ChineseFontPath} is missing: run scripts/setup.sh (Debian package fonts-wqy-microhei)."));

    public static ScoringImage Latin(int width, int height, params string[] lines) => Draw(width, height, EmbeddedFonts.Sans, lines);

    public static ScoringImage Cjk(int width, int height, params string[] lines) => Draw(width, height, Chinese.Value, lines);

    private static ScoringImage Draw(int width, int height, SKTypeface typeface, string[] lines)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(new SKColor(245, 242, 235));
        using var paint = new SKPaint { Color = new SKColor(20, 20, 30), IsAntialias = true };
        float band = height / (float)(lines.Length + 1);
        for (int i = 0; i < lines.Length; i++)
        {
            using var font = new SKFont(typeface, 100);
            font.Size = Math.Min(band * 0.5f, 100f * width * 0.85f / Math.Max(1f, font.MeasureText(lines[i])));
            canvas.DrawText(lines[i], width / 2f, band * (i + 1) + font.Size * 0.35f, SKTextAlign.Center, font, paint);
        }
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return ScoringImage.Load(data.ToArray(), out var error) ?? throw new InvalidOperationException(error);
    }
}
