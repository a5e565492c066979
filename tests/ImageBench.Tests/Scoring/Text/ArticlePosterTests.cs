using ImageBench.Scoring.Text.Calibration;
using Xunit.Abstractions;
using static ImageBench.Tests.Scoring.Text.PosterOcr;

namespace ImageBench.Tests.Scoring.Text;

/// <summary>
/// The article's case on three poster looks, read by both engines (Tesseract and PP-OCR, the default scorer):
/// EYERY must be caught as exactly one typo, EVERY must pass.
/// </summary>
public sealed class ArticlePosterTests(TesseractScorerFixture fixture, ITestOutputHelper output) : IClassFixture<TesseractScorerFixture>
{
    [Theory]
    [InlineData(PosterStyle.DarkOnLight)]
    [InlineData(PosterStyle.LightOnDark)]
    [InlineData(PosterStyle.ItalicSerif)]
    public void Misspelt_poster_reports_exactly_EVERY_to_EYERY(PosterStyle style)
    {
        var image = Poster(style, "MORNING BREW", Misspelt);
        var results = fixture.Scorer.Read(image, CancellationToken.None);
        output.WriteLine(Dump(results));
        Assert.Contains(results, r => r.Engine == ImageBench.Scoring.Ocr.Paddle.PaddleOcrEngine.EngineName);
        var analysis = ImageBench.Scoring.Text.TextAnalysis.From(["MORNING BREW", Expected], results);
        output.WriteLine(Describe(analysis));

        var subtitle = analysis.Strings[1];
        Assert.False(subtitle.EnginesDisagree);
        Assert.False(subtitle.Exact);
        Assert.False(analysis.AllExact);
        var typo = Assert.Single(subtitle.Typos);
        Assert.Equal(("EVERY", "EYERY", 5), (typo.Expected, typo.Read, typo.Word));
        var edit = Assert.Single(typo.Edits);
        Assert.Equal((2, 'V', 'Y'), (edit.Position, edit.Expected, edit.Read));
        Assert.Empty(subtitle.Missing);
        Assert.Empty(subtitle.Inserted);
        Assert.False(subtitle.Uncertain);
        Assert.True(analysis.Strings[0].Exact, "the correctly drawn headline is exact");
    }

    [Theory]
    [InlineData(PosterStyle.DarkOnLight)]
    [InlineData(PosterStyle.LightOnDark)]
    [InlineData(PosterStyle.ItalicSerif)]
    public void Correct_poster_is_exact(PosterStyle style)
    {
        var image = Poster(style, "MORNING BREW", Expected);
        var results = fixture.Scorer.Read(image, CancellationToken.None);
        output.WriteLine(Dump(results));
        var analysis = ImageBench.Scoring.Text.TextAnalysis.From(["MORNING BREW", Expected], results);
        output.WriteLine(Describe(analysis));

        Assert.True(analysis.AllExact, Describe(analysis));
        Assert.All(analysis.Strings, s => Assert.Empty(s.Typos));
        Assert.Equal(1.0, analysis.WordRecall);
        Assert.Equal(1.0, analysis.MeanStringScore);
    }
}
