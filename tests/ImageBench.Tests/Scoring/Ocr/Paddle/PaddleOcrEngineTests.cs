using ImageBench.Scoring.Ocr;
using ImageBench.Scoring.Ocr.Paddle;
using Xunit.Abstractions;

namespace ImageBench.Tests.Scoring.Ocr.Paddle;

public sealed class PaddleOcrEngineTests(PaddleFixture fixture, ITestOutputHelper output) : IClassFixture<PaddleFixture>
{
    [Fact]
    public void Reads_a_clean_English_line_as_words_with_boxes_and_confidences()
    {
        var image = TextImages.Latin(800, 300, "The quick brown fox jumps");
        var result = fixture.Read(image);
        output.WriteLine(string.Join("\n", result.Lines.Select(l => $"{l.Text} ({l.Confidence:0}) {l.Box}")));
        var line = Assert.Single(result.Lines);
        Assert.Equal("The quick brown fox jumps", line.Text);
        Assert.Equal(PaddleOcrEngine.EngineName, result.Engine);
        Assert.All(line.Words, w => Assert.InRange(w.Confidence, 80, 100));
        for (int i = 1; i < line.Words.Count; i++) Assert.True(line.Words[i].Box.Left >= line.Words[i - 1].Box.Left + 20, "words left to right");
        Assert.InRange(line.Box.Left, 0, 200);
        Assert.InRange(line.Box.Right, 600, 800);
        Assert.InRange(line.Box.Top, 50, 160);
    }

    [Fact]
    public void Reads_a_Chinese_line_exactly()
    {
        var image = TextImages.Cjk(800, 300, "早安咖啡 每天营业");
        var result = fixture.Read(image);
        output.WriteLine(string.Join("\n", result.Lines.Select(l => $"{l.Text} ({l.Confidence:0}) {l.Box}")));
        Assert.Equal("早安咖啡每天营业", string.Concat(result.Lines.Select(l => l.Text)).Replace(" ", "", StringComparison.Ordinal));
    }
}

public sealed class PaddleOcrEngineEdgeTests(PaddleFixture fixture) : IClassFixture<PaddleFixture>
{
    [Fact]
    public void Missing_models_throw_with_the_set_up_command()
    {
        using var dir = new ImageBench.Tests.Support.TempDir();
        var error = Assert.Throws<OcrUnavailableException>(() => PaddleOcrEngine.Create(dir.Path));
        Assert.Contains("make setup", error.Message, StringComparison.Ordinal);
        Assert.Contains("scripts/setup.sh", error.Message, StringComparison.Ordinal);
        Assert.Contains(dir.Path, error.Message, StringComparison.Ordinal);
        Assert.Contains(PaddleOcrModels.DirectoryVariable, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tight_word_crop_is_read_whole_when_nothing_is_detected()
    {
        var result = fixture.Read(TextImages.Latin(136, 50, "EVERY"));
        Assert.Equal("EVERY", Assert.Single(result.Lines).Text);
    }

    [Fact]
    public void Blank_tiny_and_noise_images_do_not_crash()
    {
        Assert.Empty(fixture.Read(PosterOcrLoad(ImageBench.Tests.Support.TestImages.Png(1024, 1024))).Lines);
        foreach (var (w, h) in new[] { (1, 1), (3, 700), (700, 3), (31, 33) })
        {
            var result = fixture.Read(PosterOcrLoad(ImageBench.Tests.Support.TestImages.Png(w, h)));
            Assert.All(result.Words, word => Assert.InRange(word.Confidence, 0, 100));
        }
        var noise = fixture.Read(Noise(400, 300), new OcrPass(0.5, PageSegmentation.Sparse, true));
        Assert.All(noise.Words, word => Assert.True(word.Box.Right <= 400 && word.Box.Bottom <= 300));
    }

    [Fact]
    public void Reads_light_on_dark_text_as_is_and_inverted()
    {
        var image = ImageBench.Tests.Scoring.Text.PosterOcr.Poster(ImageBench.Scoring.Text.Calibration.PosterStyle.LightOnDark, "MORNING BREW");
        foreach (var inverted in new[] { false, true })
        {
            var result = fixture.Read(image, new OcrPass(1.0, PageSegmentation.Sparse, inverted));
            // A wide word gap can make two detected lines; matching joins runs of words across lines.
            Assert.Equal("MORNING BREW", string.Join(' ', result.Words.Select(w => w.Text)));
        }
    }

    [Fact]
    public void Workers_share_the_sessions_and_read_the_same_in_parallel()
    {
        var images = new[] { TextImages.Latin(640, 200, "FRESH BREAD DAILY"), TextImages.Cjk(640, 200, "每天营业") };
        var serial = images.Select(i => string.Join("|", fixture.Read(i).Lines.Select(l => l.Text))).ToArray();
        var parallel = new string[6];
        Parallel.For(0, parallel.Length, new ParallelOptions { MaxDegreeOfParallelism = 3 },
            i => parallel[i] = string.Join("|", fixture.Read(images[i % 2]).Lines.Select(l => l.Text)));
        for (int i = 0; i < parallel.Length; i++) Assert.Equal(serial[i % 2], parallel[i]);
        Assert.Equal("FRESH BREAD DAILY", serial[0]);
        // Two engines in use at once (nested) read through the one shared session pair.
        var nested = fixture.Engines.Use(outer => fixture.Engines.Use(inner =>
        {
            Assert.NotSame(outer, inner);
            return outer.Read(images[0], PaddleOcrEngine.DefaultPasses[0]).Lines.Single().Text + "|" + inner.Read(images[0], PaddleOcrEngine.DefaultPasses[0]).Lines.Single().Text;
        }));
        Assert.Equal("FRESH BREAD DAILY|FRESH BREAD DAILY", nested);
    }

    private static ImageBench.Scoring.ScoringImage PosterOcrLoad(byte[] bytes) => ImageBench.Tests.Scoring.Text.PosterOcr.Load(bytes);

    private static ImageBench.Scoring.ScoringImage Noise(int w, int h)
    {
        var random = new Random(7);
        using var bitmap = new SkiaSharp.SKBitmap(w, h);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) bitmap.SetPixel(x, y, new SkiaSharp.SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)));
        using var data = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        return PosterOcrLoad(data.ToArray());
    }
}
