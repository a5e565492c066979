using ImageBench.Scoring.Ocr;
using ImageBench.Scoring.Text;
using ImageBench.Scoring.Text.Calibration;
using ImageBench.Suites;
using static ImageBench.Tests.Scoring.Text.PosterOcr;

namespace ImageBench.Tests.Scoring.Text;

public sealed class TextScorerTests(TesseractScorerFixture fixture) : IClassFixture<TesseractScorerFixture>
{
    private static readonly Expectations Poster = new() { Text = [new(Expected)] };

    [Fact]
    public void Missing_tesseract_gives_a_failed_result_with_the_fix_not_a_crash()
    {
        const string message = "OCR needs libtesseract.so.5, which could not be loaded: install tesseract-ocr (sudo apt-get install -y tesseract-ocr, or run scripts/setup.sh).";
        using var scorer = new TextScorer([new OcrPlan(new OcrEnginePool(() => throw new OcrUnavailableException(message)), OcrPasses.Single)], ownsEngines: true);
        var image = Load(ImageBench.Tests.Support.TestImages.Png(64, 64));

        var result = scorer.Score(image, Poster, CancellationToken.None);

        Assert.Equal(("text", "3", null), (result.Scorer, result.Version, result.Passed));
        Assert.Equal(message, result.Error);
        Assert.Empty(result.Metrics);
        var check = TextCheck.Run(CalibrationPosters.Render([Expected], PosterStyle.DarkOnLight, 300, 200), [Expected], scorer, CancellationToken.None);
        Assert.Equal(TextCheckFailure.OcrUnavailable, check.Failure);
        Assert.Contains("install tesseract-ocr", check.Summary(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_engine_fault_is_a_recorded_failure()
    {
        using var scorer = new TextScorer([new OcrPlan(new OcrEnginePool(() => new FaultyEngine()), OcrPasses.Single)], ownsEngines: true);
        var result = scorer.Score(Load(ImageBench.Tests.Support.TestImages.Png(64, 64)), Poster, CancellationToken.None);
        Assert.StartsWith("OCR failed: InvalidOperationException", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Applies_only_when_there_is_text_to_check()
    {
        Assert.True(fixture.Scorer.AppliesTo(Poster));
        Assert.False(fixture.Scorer.AppliesTo(new Expectations { Style = "pixel-art" }));
        Assert.False(fixture.Scorer.AppliesTo(new Expectations { Text = [new("  ")] }));
    }

    [Fact]
    public void Text_check_refuses_bytes_that_are_not_an_image()
    {
        var check = TextCheck.Run("<html>oops</html>"u8.ToArray(), [Expected], fixture.Scorer, CancellationToken.None);
        Assert.Equal(TextCheckFailure.BadImage, check.Failure);
        Assert.False(check.AllExact);
        Assert.StartsWith("text: could not check", check.Summary(), StringComparison.Ordinal);
    }

    [Fact]
    public void Text_check_summary_names_the_typo()
    {
        var bytes = CalibrationPosters.Render(["MORNING BREW", Misspelt], PosterStyle.DarkOnLight, 800, 600);
        var check = TextCheck.Run(bytes, ["MORNING BREW", Expected], fixture.Scorer, CancellationToken.None);
        Assert.Null(check.Failure);
        Assert.False(check.AllExact);
        var summary = check.Summary();
        Assert.Contains("\"MORNING BREW\": exact", summary, StringComparison.Ordinal);
        Assert.Contains("\"OPEN FROM 7 AM EVERY DAY\": MISMATCH — read \"OPEN FROM 7 AM EYERY DAY\"", summary, StringComparison.Ordinal);
        Assert.Contains("typo: EVERY → EYERY (word 5: V→Y at 2)", summary, StringComparison.Ordinal);
    }

    private sealed class FaultyEngine : IOcrEngine
    {
        public string Name => "faulty";
        public OcrResult Read(ImageBench.Scoring.ScoringImage image, OcrPass pass) => throw new InvalidOperationException("engine crashed");
        public void Dispose() { }
    }
}
