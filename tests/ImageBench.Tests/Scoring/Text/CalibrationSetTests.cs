using ImageBench.Scoring.Text;
using ImageBench.Scoring.Text.Calibration;

namespace ImageBench.Tests.Scoring.Text;

public sealed class CalibrationSetTests
{
    [Fact]
    public void Standard_set_pairs_every_poster_with_a_one_letter_misspelling()
    {
        var cases = CalibrationCase.Standard();
        Assert.Equal(48, cases.Count);
        Assert.Equal(24, cases.Count(c => c.Expected.SequenceEqual(c.Drawn)));
        foreach (var c in cases.Where(c => !c.Expected.SequenceEqual(c.Drawn)))
        {
            var wrong = Assert.Single(Enumerable.Range(0, c.Expected.Count), i => c.Expected[i] != c.Drawn[i]);
            Assert.Equal(1, Levenshtein.Distance(c.Expected[wrong], c.Drawn[wrong]));
            Assert.NotEqual(NormalizedText.Of(c.Expected[wrong]).Normal, NormalizedText.Of(c.Drawn[wrong]).Normal);
        }
        Assert.Equal(Enum.GetValues<PosterStyle>().Length, cases.Select(c => c.Look).Distinct().Count());
    }

    [Fact]
    public void Posters_are_deterministic()
    {
        var c = CalibrationCase.Standard()[5];
        Assert.Equal(c.Render(320), c.Render(320));
    }
}
