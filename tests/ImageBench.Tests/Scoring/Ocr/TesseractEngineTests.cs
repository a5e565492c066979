using ImageBench.Scoring.Ocr;
using ImageBench.Scoring.Ocr.Tesseract;
using ImageBench.Scoring.Text.Calibration;
using static ImageBench.Tests.Scoring.Text.PosterOcr;

namespace ImageBench.Tests.Scoring.Ocr;

public sealed class TesseractEngineTests
{
    [Fact]
    public void Reads_words_with_confidences_and_boxes_in_original_pixels_at_every_scale()
    {
        var image = Load(CalibrationPosters.Render(["MORNING BREW", "OPEN FROM 7 AM EVERY DAY"], PosterStyle.DarkOnLight, 800, 600));
        using var engine = TesseractEngine.Create();
        Assert.StartsWith("tesseract 5.", engine.Name, StringComparison.Ordinal);

        var full = engine.Read(image, new OcrPass(1.0, PageSegmentation.Sparse, false));
        var half = engine.Read(image, new OcrPass(0.5, PageSegmentation.Sparse, false));
        foreach (var result in new[] { full, half })
        {
            Assert.Equal(["MORNING BREW", "OPEN FROM 7 AM EVERY DAY"], result.Lines.Select(l => l.Text));
            Assert.All(result.Words, w => Assert.InRange(w.Confidence, 60, 100));
            var brew = result.Words.Single(w => w.Text == "BREW");
            var morning = result.Words.Single(w => w.Text == "MORNING");
            Assert.True(brew.Box.Left > morning.Box.Right, "words left to right");
            Assert.True(result.Lines[1].Box.Top > result.Lines[0].Box.Bottom, "lines top to bottom");
            Assert.InRange(result.Lines[0].Box.Left, 0, 400);
            Assert.InRange(result.Lines[0].Box.Right, 400, 800);
        }
        // The same word lands in the same place whichever scale read it (within rounding of the half-size pass).
        var a = full.Words.Single(w => w.Text == "MORNING").Box;
        var b = half.Words.Single(w => w.Text == "MORNING").Box;
        Assert.InRange(Math.Abs(a.Left - b.Left) + Math.Abs(a.Top - b.Top) + Math.Abs(a.Right - b.Right) + Math.Abs(a.Bottom - b.Bottom), 0, 16);
    }

    [Fact]
    public void A_blank_image_reads_no_lines()
    {
        var image = Load(ImageBench.Tests.Support.TestImages.Png(200, 100));
        using var engine = TesseractEngine.Create();
        Assert.Empty(engine.Read(image, new OcrPass(1.0, PageSegmentation.Auto, false)).Lines);
    }

    [Fact]
    public void OpenMP_is_limited_to_one_thread_in_the_native_environment()
    {
        using var engine = TesseractEngine.Create();
        // Set by libc setenv before libtesseract loaded (unless the user chose a value themselves).
        Assert.NotNull(OpenMpThreadLimit.NativeValue());
        if (Environment.GetEnvironmentVariable(OpenMpThreadLimit.Variable) is null)
        {
            Assert.Equal("1", OpenMpThreadLimit.NativeValue());
        }
    }

    [Fact]
    public void A_missing_model_is_reported_with_the_install_hint()
    {
        var error = Assert.Throws<OcrUnavailableException>(() => TesseractEngine.Create("/nonexistent/tessdata"));
        Assert.Contains("install tesseract-ocr", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pool_reuses_idle_engines_and_disposes_them()
    {
        var created = new List<CountingEngine>();
        using (var pool = new OcrEnginePool(() => { var e = new CountingEngine(); created.Add(e); return e; }))
        {
            pool.Use(e => 0);
            pool.Use(e => 0);
            Assert.Single(created);
            // A nested (concurrent) use needs a second engine.
            pool.Use(outer => pool.Use(inner => { Assert.NotSame(outer, inner); return 0; }));
            Assert.Equal(2, pool.Created);
        }
        Assert.All(created, e => Assert.True(e.Disposed));
    }

    private sealed class CountingEngine : IOcrEngine
    {
        public bool Disposed { get; private set; }
        public string Name => "counting";
        public OcrResult Read(ImageBench.Scoring.ScoringImage image, OcrPass pass) => new(Name, pass, []);
        public void Dispose() => Disposed = true;
    }
}

public sealed class TesseractParallelTests
{
    [Fact]
    public void Parallel_scoring_gives_each_worker_its_own_engine_and_the_same_readings()
    {
        var images = new[] { ImageBench.Scoring.Text.Calibration.PosterStyle.DarkOnLight, ImageBench.Scoring.Text.Calibration.PosterStyle.LightOnDark }
            .Select(style => Load(CalibrationPosters.Render(["MORNING BREW", Misspelt], style, 640, 480))).ToArray();
        using var scorer = ImageBench.Scoring.Text.TextScorer.CreateDefault(OcrPasses.Single);
        var serial = images.Select(i => Dump(scorer.Read(i, CancellationToken.None))).ToArray();

        var parallel = new string[images.Length * 3];
        Parallel.For(0, parallel.Length, new ParallelOptions { MaxDegreeOfParallelism = 3 },
            i => parallel[i] = Dump(scorer.Read(images[i % images.Length], CancellationToken.None)));

        for (int i = 0; i < parallel.Length; i++) Assert.Equal(serial[i % images.Length], parallel[i]);
        Assert.All(serial, s => Assert.Contains("OPEN FROM 7 AM EYERY DAY", s, StringComparison.Ordinal));
    }
}
