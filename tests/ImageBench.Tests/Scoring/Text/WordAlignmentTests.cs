using CsCheck;
using ImageBench.Scoring.Text;

namespace ImageBench.Tests.Scoring.Text;

public sealed class WordAlignmentTests
{
    private static readonly Gen<string[]> Sentence = Gen.String[Gen.Char["AEVY7"], 1, 6].Array[0, 7];

    [Fact]
    public void Alignment_reconstructs_both_sides_in_order()
    {
        Gen.Select(Sentence, Sentence).Sample((expected, read) =>
        {
            var steps = WordAlignment.Align(expected, read);
            Assert.Equal(expected, steps.Where(s => s.Expected is not null).Select(s => s.Expected!));
            Assert.Equal(read, steps.Where(s => s.Read is not null).Select(s => s.Read!));
            Assert.All(steps.Where(s => s.Op == AlignOp.Match), s => Assert.Equal(s.Expected, s.Read));
            Assert.All(steps.Where(s => s.Op == AlignOp.Substitute), s => Assert.NotEqual(s.Expected, s.Read));
        });
    }

    [Fact]
    public void Identical_sentences_align_as_matches_only()
    {
        Sentence.Sample(words => Assert.All(WordAlignment.Align(words, words), s => Assert.Equal(AlignOp.Match, s.Op)));
    }

    [Fact]
    public void A_misspelt_word_pairs_with_its_target_and_unrelated_words_do_not()
    {
        var steps = WordAlignment.Align(["OPEN", "FROM", "7", "AM", "EVERY", "DAY"], ["OPEN", "FROM", "7", "AM", "EYERY", "DAY", "COFFEE"]);
        var typo = Assert.Single(steps, s => s.Op == AlignOp.Substitute);
        Assert.Equal(("EVERY", "EYERY", 4), (typo.Expected, typo.Read, typo.ExpectedIndex));
        Assert.Equal("COFFEE", Assert.Single(steps, s => s.Op == AlignOp.Insert).Read);

        var unrelated = WordAlignment.Align(["OPEN", "DAILY"], ["CLOSED", "DAILY"]);
        Assert.DoesNotContain(unrelated, s => s.Op == AlignOp.Substitute);
        Assert.Equal("OPEN", Assert.Single(unrelated, s => s.Op == AlignOp.Delete).Expected);
        Assert.Equal("CLOSED", Assert.Single(unrelated, s => s.Op == AlignOp.Insert).Read);
    }
}
