using ImageBench.Scoring.Text.Calibration;
using SkiaSharp;

namespace ImageBench.Bench;

/// <summary>
/// Chinese posters for the OCR calibration (the article's FAQ asks about CJK text): 8 headline/subtitle pairs ×
/// {dark on light, light on dark} × {drawn right, one character swapped for a look-alike} = 32 images, drawn with
/// WenQuanYi Micro Hei (Debian fonts-wqy-microhei, installed by scripts/setup.sh).
/// </summary>
internal static class CjkCalibrationCases
{
    public const string FontPath = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

    private static readonly (string Headline, string Subtitle, char From, char To)[] Phrases =
    [
        ("早安咖啡", "每天早上七点营业", '天', '夫'),
        ("新鲜面包", "每日现烤", '日', '目'),
        ("夏季大促销", "全场鞋类半价", '大', '太'),
        ("现场音乐", "每周五晚上九点", '上', '土'),
        ("城市马拉松", "五月十四日 立即报名", '日', '目'),
        ("读书会", "每月第二个星期二", '会', '合'),
        ("古董市场", "黑胶唱片 书籍 家具", '古', '占'),
        ("盛大开业", "每位顾客免费咖啡", '大', '太'),
    ];

    /// <summary>The cases, or none (with the reason) when the font is not installed.</summary>
    public static IReadOnlyList<CalibrationCase> Standard(out string? missing)
    {
        missing = File.Exists(FontPath) ? null : $"{FontPath} is missing (run scripts/setup.sh): CJK calibration skipped";
        if (missing is not null) return [];
        var cases = new List<CalibrationCase>();
        int seed = 0;
        foreach (var (headline, subtitle, from, to) in Phrases)
        {
            foreach (bool dark in new[] { false, true })
            {
                string[] expected = [headline, subtitle];
                var drawn = expected.Select(s => s).ToArray();
                int wrong = headline.Contains(from, StringComparison.Ordinal) ? 0 : 1;
                drawn[wrong] = ReplaceFirst(drawn[wrong], from, to);
                var look = dark ? "CJK light on dark" : "CJK dark on light";
                int s1 = ++seed, s2 = ++seed;
                cases.Add(new CalibrationCase(expected, expected, look, size => Render(expected, dark, size, s1)));
                cases.Add(new CalibrationCase(expected, drawn, look, size => Render(drawn, dark, size, s2)));
            }
        }
        return cases;
    }

    private static string ReplaceFirst(string text, char from, char to)
    {
        int i = text.IndexOf(from, StringComparison.Ordinal);
        return text[..i] + to + text[(i + 1)..];
    }

    private static readonly Lazy<SKTypeface> Font = new(() => SKTypeface.FromFile(FontPath) ?? throw new InvalidOperationException($"{FontPath} does not load"));

    private static byte[] Render(IReadOnlyList<string> lines, bool dark, int size, int seed)
    {
        var random = new Random(seed);
        using var surface = SKSurface.Create(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        SKColor paper = dark ? new SKColor(30, 40, 70) : new SKColor(240, 234, 222), ink = dark ? new SKColor(240, 228, 200) : new SKColor(30, 25, 25);
        var shade = new SKColor((byte)(paper.Red * 0.85), (byte)(paper.Green * 0.85), (byte)(paper.Blue * 0.85));
        using (var gradient = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(size, size), [paper, shade], SKShaderTileMode.Clamp))
        using (var fill = new SKPaint { Shader = gradient })
        {
            canvas.DrawRect(0, 0, size, size, fill);
        }
        using (var noise = SKShader.CreatePerlinNoiseFractalNoise(0.02f, 0.02f, 3, random.Next(1000)))
        using (var texture = new SKPaint { Shader = noise, Color = SKColors.White.WithAlpha(50), BlendMode = SKBlendMode.SoftLight })
        {
            canvas.DrawRect(0, 0, size, size, texture);
        }
        using var paint = new SKPaint { Color = ink, IsAntialias = true };
        for (int i = 0; i < lines.Count; i++)
        {
            using var font = new SKFont(Font.Value, 100);
            float target = size * (i == 0 ? 0.12f : 0.07f);
            font.Size = Math.Min(target, 100f * size * 0.84f / Math.Max(1f, font.MeasureText(lines[i])));
            canvas.DrawText(lines[i], size / 2f, size * (0.35f + 0.3f * i), SKTextAlign.Center, font, paint);
        }
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
