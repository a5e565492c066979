using ImageBench.Scoring.Ocr;
using ImageBench.Scoring.Text;
using static ImageBench.Tests.Scoring.Text.FakeOcr;

namespace ImageBench.Tests.Scoring.Text;

public sealed class StringMatcherTests
{
    private const string Expected = "OPEN FROM 7 AM EVERY DAY";

    [Fact]
    public void The_best_pass_wins_so_OCR_noise_in_one_pass_does_not_fail_a_correct_string()
    {
        var match = StringMatcher.Match(Expected, [Pass(90, "OPEN FR0M 7 AM EVERY DAV"), Pass(92, "OPEN FROM 7 AM EVERY DAY"), Pass(91, "OPEN FROM 7 AM EVERY DAY")]);
        Assert.True(match.Exact);
        Assert.Equal(0, match.Cer);
        Assert.Equal(1, match.Score);
        Assert.Empty(match.Typos);
        Assert.False(match.Uncertain);
    }

    [Fact]
    public void A_consistent_misspelling_is_a_confident_typo_with_its_character_diff()
    {
        var match = StringMatcher.Match(Expected, [Pass(95, "MORNING BREW", "OPEN FROM 7 AM EYERY DAY"), Pass(93, "OPEN FROM 7 AM EYERY DAY")]);
        Assert.False(match.Exact);
        Assert.Equal(1.0 / 24, match.Cer, 9);
        var typo = Assert.Single(match.Typos);
        Assert.Equal("EVERY → EYERY (word 5: V→Y at 2)", typo.ToString());
        Assert.Equal(1, match.Agreement);
        Assert.False(match.Uncertain);
        Assert.Equal(5, match.WordsFound);
    }

    [Fact]
    public void Passes_that_read_different_misspellings_make_the_verdict_uncertain()
    {
        var match = StringMatcher.Match(Expected, [Pass(90, "OPEN FROM 7 AM EYERY DAY"), Pass(90, "OPEN FROM 7 AM EVFRY DAY"), Pass(90, "OPEN FR0M 7 AM EVERY DAV")]);
        Assert.False(match.Exact);
        Assert.True(match.Uncertain);
        Assert.InRange(match.Agreement, 0.3, 0.34);
    }

    [Fact]
    public void An_exact_reading_without_a_majority_of_passes_is_uncertain()
    {
        // Half the passes read the drawn 6 for G: the exact verdict stands (minimum over passes) but is flagged.
        var match = StringMatcher.Match("EVERY FRIDAY NIGHT", [Pass(95, "EVERY FRIDAY NIGHT"), Pass(95, "EVERY FRIDAY NI6HT")]);
        Assert.True(match.Exact);
        Assert.Equal(0.5, match.Agreement);
        Assert.True(match.Uncertain);
    }

    [Fact]
    public void Low_confidence_makes_the_verdict_uncertain()
    {
        Assert.True(StringMatcher.Match(Expected, [Pass(45, "OPEN FROM 7 AM EYERY DAY")]).Uncertain);
        Assert.True(StringMatcher.Match(Expected, [Pass(45, Expected)]).Uncertain);
    }

    [Fact]
    public void Text_wrapped_over_lines_is_found_through_word_runs()
    {
        var match = StringMatcher.Match(Expected, [Pass(90, "GRAND CAFE", "OPEN FROM 7", "AM EVERY DAY", "SINCE 1990")]);
        Assert.True(match.Exact);
        Assert.Equal("OPEN FROM 7 AM EVERY DAY", match.Best);
    }

    [Fact]
    public void Glued_words_still_show_the_typo_and_spacing_alone_is_not_a_failure()
    {
        var glued = StringMatcher.Match(Expected, [Pass(90, "OPEN FROM 7 AMEYERY DAY")]);
        Assert.False(glued.Exact);
        Assert.Equal(1.0 / 19, glued.Cer, 9); // compared without spaces: one letter wrong in 19

        var spacing = StringMatcher.Match(Expected, [Pass(90, "OPEN FROM 7 AMEVERY DAY")]);
        Assert.True(spacing.Exact);
        Assert.True(spacing.SpacingDiffers);
    }

    [Fact]
    public void Case_and_quote_style_are_normalised_but_reported()
    {
        var cased = StringMatcher.Match("Morning Brew", [Pass(90, "MORNING BREW")]);
        Assert.True(cased.Exact);
        Assert.True(cased.CaseDiffers);
        Assert.False(cased.PunctuationDiffers);

        var quoted = StringMatcher.Match("JOE\u2019S CAF\u00C9 \u2014 OPEN", [Pass(90, "JOE'S CAF\u00C9 - OPEN")]);
        Assert.True(quoted.Exact);
        Assert.True(quoted.PunctuationDiffers);
        Assert.False(quoted.CaseDiffers);

        // NFKC folds ligatures and fullwidth forms and composes accents (built in: the runtime has no ICU).
        Assert.True(StringMatcher.Match("\uFB01ne", [Pass(90, "FINE")]).Exact);
        Assert.True(StringMatcher.Match("\uFF2F\uFF30\uFF25\uFF2E\u3000\uFF17", [Pass(90, "OPEN 7")]).Exact);
        Assert.True(StringMatcher.Match("CAFE\u0301", [Pass(90, "CAF\u00C9")]).Exact);
        Assert.True(StringMatcher.Match("caf\u00E9", [Pass(90, "CAF\u00C9")]).Exact);
        Assert.False(StringMatcher.Match("CAFE", [Pass(90, "CAF\u00C9")]).Exact);
    }

    [Fact]
    public void Missing_and_inserted_words_are_listed()
    {
        var match = StringMatcher.Match(Expected, [Pass(90, "OPEN 7 AM NOW EVERY DAY")]);
        Assert.Equal(["FROM"], match.Missing);
        Assert.Equal(["NOW"], match.Inserted);
        Assert.Empty(match.Typos);
        Assert.Equal(5, match.WordsFound);
    }

    [Fact]
    public void Nothing_read_is_not_found_and_uncertain()
    {
        var match = StringMatcher.Match(Expected, [Pass(90), Pass(90)]);
        Assert.Null(match.Best);
        Assert.False(match.Exact);
        Assert.Equal(0, match.Score);
        Assert.Equal(6, match.Missing.Count);
        Assert.True(match.Uncertain);
    }

    [Fact]
    public void Analysis_reports_recall_oneig_and_extra_text_separately()
    {
        OcrResult[] results = [Pass(95, "MORNING BREW", "OPEN FROM 7 AM EYERY DAY", "LATTE 4", "X"), Pass(40, "QQQ")];
        var analysis = TextAnalysis.From(["MORNING BREW", Expected], results);

        Assert.False(analysis.AllExact);
        Assert.Equal((1 + (1 - 1.0 / 24)) / 2, analysis.MeanStringScore, 9);
        Assert.Equal(7.0 / 8, analysis.WordRecall, 9);
        // Extra text: confident and at least two characters; the typo EYERY belongs to its string, not here.
        Assert.Equal(["LATTE"], analysis.Extra.Select(e => e.Text));
        // OneIG compares the whole read text of the best pass with the joined target: ED 11, CR 0, WAC 7/8.
        string target = "MORNING BREW OPEN FROM 7 AM EVERY DAY", read = "MORNING BREW OPEN FROM 7 AM EYERY DAY LATTE 4 X";
        double expectedOneIg = 1 - Math.Min(100, Levenshtein.Distance(target, read)) * (1 - 0) * (1 - 7.0 / 8) / 100;
        Assert.Equal(expectedOneIg, analysis.OneIg, 9);
        Assert.Equal(1, TextAnalysis.From(["MORNING BREW"], [Pass(95, "MORNING BREW")]).OneIg);
    }
}
