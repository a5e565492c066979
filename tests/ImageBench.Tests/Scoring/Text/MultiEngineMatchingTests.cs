using ImageBench.Scoring.Ocr;
using ImageBench.Scoring.Text;
using static ImageBench.Tests.Scoring.Text.FakeOcr;

namespace ImageBench.Tests.Scoring.Text;

/// <summary>Matching with two engines' candidates: glued words, engines that disagree, per-engine readings.</summary>
public sealed class MultiEngineMatchingTests
{
    private const string Expected = "OPEN FROM 7 AM EVERY DAY";

    private static OcrResult Engine(string engine, double confidence, params string[] lines) => Pass(confidence, lines) with { Engine = engine };

    [Fact]
    public void A_glued_word_still_yields_exactly_the_typo_EVERY_to_EYERY()
    {
        var match = StringMatcher.Match(Expected, [Engine("paddle", 95, "OPEN FROM 7 AMEYERY DAY")]);
        Assert.False(match.Exact);
        var typo = Assert.Single(match.Typos);
        Assert.Equal("EVERY → EYERY (word 5: V→Y at 2)", typo.ToString());
        Assert.Empty(match.Missing);
        Assert.Empty(match.Inserted);
        Assert.Equal(5, match.WordsFound);
        Assert.Equal(1.0 / 19, match.Cer, 9); // compared without spaces: one letter of 19
    }

    [Fact]
    public void A_fully_glued_correct_reading_is_exact_with_no_typos()
    {
        var match = StringMatcher.Match(Expected, [Engine("paddle", 95, "OPENFROM7AMEVERYDAY")]);
        Assert.True(match.Exact);
        Assert.True(match.SpacingDiffers);
        Assert.Empty(match.Typos);
        Assert.Empty(match.Missing);
        Assert.Equal(6, match.WordsFound);
    }

    [Fact]
    public void A_genuinely_extra_word_stays_inserted_rather_than_glued_on()
    {
        var match = StringMatcher.Match(Expected, [Engine("t", 95, "OPEN FROM 7 AM NOW EVERY DAY")]);
        Assert.Empty(match.Typos);
        Assert.Equal(["NOW"], match.Inserted);
    }

    [Fact]
    public void Engines_that_disagree_about_an_exact_string_make_it_uncertain_and_say_which_read_what()
    {
        var match = StringMatcher.Match(Expected, [Engine("tesseract", 95, Expected), Engine("paddle", 97, "OPEN FROM Z AM EVERY DAY")]);
        Assert.True(match.Exact);
        Assert.True(match.EnginesDisagree);
        Assert.True(match.Uncertain);
        Assert.Equal("tesseract", match.Engine);
        Assert.Equal(["paddle", "tesseract"], match.Engines.Select(e => e.Engine).Order(StringComparer.Ordinal));
        Assert.False(match.Engines.Single(e => e.Engine == "paddle").Exact);
    }

    [Fact]
    public void Engines_agreeing_on_a_typo_give_a_confident_typo()
    {
        var match = StringMatcher.Match(Expected, [Engine("tesseract", 95, "OPEN FROM 7 AM EYERY DAY"), Engine("paddle", 97, "OPEN FROM 7 AMEYERY DAY")]);
        Assert.False(match.Exact);
        Assert.False(match.EnginesDisagree);
        Assert.False(match.Uncertain);
        Assert.Equal("EVERY → EYERY", $"{match.Typos.Single().Expected} → {match.Typos.Single().Read}");
    }

    [Fact]
    public void An_unconfident_or_unrelated_reading_by_the_other_engine_is_not_a_disagreement()
    {
        var unsure = StringMatcher.Match(Expected, [Engine("tesseract", 95, Expected), Engine("paddle", 40, "OPEN FROM Z AM EVERY DAY")]);
        Assert.False(unsure.EnginesDisagree);
        var elsewhere = StringMatcher.Match(Expected, [Engine("tesseract", 95, Expected), Engine("paddle", 99, "MORNING BREW")]);
        Assert.False(elsewhere.EnginesDisagree);
        Assert.False(elsewhere.Uncertain);
    }

    [Fact]
    public void A_Chinese_one_character_substitution_is_a_typo()
    {
        var match = StringMatcher.Match("早安咖啡 每天营业", [Engine("paddle", 99, "早安咖啡", "每日营业")]);
        Assert.False(match.Exact);
        var typo = Assert.Single(match.Typos);
        Assert.Equal(("每天营业", "每日营业", 2), (typo.Expected, typo.Read, typo.Word));
        Assert.Equal((2, '天', '日'), (typo.Edits.Single().Position, typo.Edits.Single().Expected, typo.Edits.Single().Read));
    }

    [Fact]
    public void A_glued_reading_of_a_typo_is_not_listed_again_as_extra_text()
    {
        var results = new[] { Engine("tesseract", 95, "OPEN FROM 7 AM EYERY DAY"), Engine("paddle", 97, "OPEN FROM 7 AMEYERY DAY", "WATERMARK") };
        var analysis = TextAnalysis.From([Expected], results);
        Assert.Equal(["WATERMARK"], analysis.Extra.Select(e => e.Text));
        Assert.Equal(0, analysis.Metrics()["engines_disagree"]);
        Assert.Equal("tesseract", analysis.Details()["strings"]![0]!["engine"]!.GetValue<string>());
        Assert.Equal(2, analysis.Details()["strings"]![0]!["engines_read"]!.AsArray().Count);
    }
}
