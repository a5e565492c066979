using CsCheck;
using ImageBench.Scoring.Text;

namespace ImageBench.Tests.Scoring.Text;

public sealed class ResegmentationTests
{
    [Fact]
    public void Cuts_a_glued_reading_at_the_expected_word_boundaries()
    {
        Assert.Equal(["OPEN", "FROM", "7", "AM", "EYERY", "DAY"], Resegmentation.Like(["OPEN", "FROM", "7", "AM", "EVERY", "DAY"], ["OPEN", "FROM", "7", "AMEYERY", "DAY"]));
        Assert.Equal(["BEAR", "INFESTED"], Resegmentation.Like(["BEAR", "INFESTED"], ["BEARINFESTED"]));
    }

    [Fact]
    public void Read_words_are_never_joined_and_a_missing_word_gets_no_piece()
    {
        Assert.Equal(["OPEN", "DAY"], Resegmentation.Like(["OPEN", "EVERY", "DAY"], ["OPENDAY"]));
        Assert.Equal(["AM", "NOW", "EVERY"], Resegmentation.Like(["AM", "EVERY"], ["AM", "NOW", "EVERY"]));
    }

    [Fact]
    public void Re_cutting_the_expected_text_itself_gives_back_its_words()
    {
        var word = Gen.String[Gen.Char["ABEVY7"], 1, 6];
        word.List[1, 6].Sample(words => Assert.Equal(words, Resegmentation.Like(words, [string.Concat(words)])));
    }

    [Fact]
    public void The_pieces_refine_the_reading_they_concatenate_to_it_and_keep_its_word_ends()
    {
        var word = Gen.String[Gen.Char["ABEVY7"], 1, 6];
        Gen.Select(word.List[1, 5], word.List[0, 5]).Sample((expected, read) =>
        {
            var pieces = Resegmentation.Like(expected, read);
            Assert.Equal(string.Concat(read), string.Concat(pieces));
            Assert.All(pieces, p => Assert.NotEmpty(p));
            var ends = new HashSet<int>();
            int end = 0;
            foreach (var p in pieces) ends.Add(end += p.Length);
            end = 0;
            foreach (var w in read) Assert.Contains(end += w.Length, ends);
        });
    }
}
