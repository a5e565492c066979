using ImageBench.Scoring.Ocr;
using ImageBench.Scoring.Ocr.Paddle;
using ImageBench.Scoring.Text;
using ImageBench.Scoring.Text.Calibration;
using ImageBench.Suites;
using ImageBench.Tests.Scoring.Ocr.Paddle;
using Xunit.Abstractions;
using static ImageBench.Tests.Scoring.Text.PosterOcr;

namespace ImageBench.Tests.Scoring.Text;

/// <summary>The default scorer with both engines (Tesseract and PP-OCRv4) on real renders.</summary>
public sealed class TwoEngineScorerTests(TesseractScorerFixture fixture, ITestOutputHelper output) : IClassFixture<TesseractScorerFixture>
{
    [Fact]
    public void The_default_scorer_reads_with_both_engines()
    {
        var results = fixture.Scorer.Read(Poster(PosterStyle.DarkOnLight, "MORNING BREW", Misspelt), CancellationToken.None);
        output.WriteLine(Dump(results));
        Assert.Equal(["paddleocr pp-ocrv4", "tesseract"], results.Select(r => r.Engine.Split(' ')[0] == "tesseract" ? "tesseract" : r.Engine).Distinct().Order(StringComparer.Ordinal));
        // PP-OCR does not "correct" the misspelling either.
        var paddle = TextAnalysis.From([Expected], [.. results.Where(r => r.Engine == PaddleOcrEngine.EngineName)]);
        Assert.Equal("EYERY", Assert.Single(paddle.Strings[0].Typos).Read);
    }

    [Fact]
    public void A_Chinese_string_drawn_right_is_exact_and_a_one_character_substitution_is_a_typo()
    {
        var image = TextImages.Cjk(800, 400, "早安咖啡 每天营业");
        var analysis = fixture.Scorer.Analyze(image, ["早安咖啡 每天营业", "早安咖啡 每日营业"], CancellationToken.None);
        output.WriteLine(Describe(analysis));
        Assert.True(analysis.Strings[0].Exact);
        Assert.Equal(PaddleOcrEngine.EngineName, analysis.Strings[0].Engine);
        var typo = Assert.Single(analysis.Strings[1].Typos);
        Assert.Equal(("每日营业", "每天营业", 2), (typo.Expected, typo.Read, typo.Word));
        Assert.False(analysis.Strings[1].Uncertain);
    }

    [Fact]
    public void Without_the_PP_OCR_models_Tesseract_still_scores_and_the_result_says_so()
    {
        using var empty = new ImageBench.Tests.Support.TempDir();
        using var scorer = new TextScorer([TextScorer.TesseractPlan(OcrPasses.Single), TextScorer.PaddlePlan(modelDirectory: empty.Path)], ownsEngines: true);
        var bytes = CalibrationPosters.Render(["MORNING BREW", Misspelt], PosterStyle.DarkOnLight, 800, 600);

        var result = scorer.Score(Load(bytes), new Expectations { Text = [new("MORNING BREW"), new(Expected)] }, CancellationToken.None);
        Assert.Null(result.Error);
        Assert.False(result.Passed);
        var unavailable = result.Details!["unavailable"]!.AsArray();
        Assert.Contains("make setup", Assert.Single(unavailable)!.GetValue<string>(), StringComparison.Ordinal);

        var check = TextCheck.Run(bytes, ["MORNING BREW", Expected], scorer, CancellationToken.None);
        Assert.Null(check.Failure);
        Assert.Contains("EVERY → EYERY", check.Summary(), StringComparison.Ordinal);
        Assert.Contains("note: one OCR engine did not run", check.Summary(), StringComparison.Ordinal);
    }
}
