using CsCheck;
using ImageBench.Scoring.Text;
using static ImageBench.Tests.Scoring.Text.FakeOcr;

namespace ImageBench.Tests.Scoring.Text;

/// <summary>l/I/1 and O/0 are drawn alike by many fonts: a difference made only of them is uncertain, not a typo.</summary>
public sealed class GlyphConfusionTests
{
    private const string Confusable = "lI1|oO0";
    private static readonly Gen<string> Words = Gen.String[Gen.Char["ABSTRNGlI1O0"], 1, 10];

    /// <summary>A word with some letters swapped for another member of their look-alike group.</summary>
    private static readonly Gen<(string Word, string Swapped)> WordAndLookAlike =
        Gen.Select(Words, Gen.Int[0, int.MaxValue], (w, seed) =>
        {
            var random = new Random(seed);
            var chars = w.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                if (!Confusable.Contains(chars[i], StringComparison.Ordinal) || random.Next(2) == 0) continue;
                string group = "oO0".Contains(chars[i], StringComparison.Ordinal) ? "O0" : "lI1|";
                chars[i] = group[random.Next(group.Length)];
            }
            return (w, new string(chars));
        });

    [Fact]
    public void Folding_is_idempotent_and_keeps_the_length()
    {
        Words.Sample(w =>
        {
            Assert.Equal(GlyphConfusion.Fold(w), GlyphConfusion.Fold(GlyphConfusion.Fold(w)));
            Assert.Equal(w.Length, GlyphConfusion.Fold(w).Length);
        });
    }

    [Fact]
    public void Swapping_look_alike_glyphs_is_only_confusable_unless_nothing_changed()
    {
        WordAndLookAlike.Sample(p =>
        {
            Assert.Equal(GlyphConfusion.Fold(p.Word), GlyphConfusion.Fold(p.Swapped));
            Assert.Equal(p.Word != p.Swapped, GlyphConfusion.OnlyConfusable(p.Word, p.Swapped));
        });
    }

    [Fact]
    public void Any_other_change_of_letter_is_not_confusable()
    {
        Gen.Select(Words, Gen.Int[0, 9], Gen.Char["ABSTRNG"]).Sample((w, at, c) =>
        {
            int i = at % w.Length;
            if (w[i] == c) return;
            var changed = string.Concat(w.AsSpan(0, i), c.ToString(), w.AsSpan(i + 1));
            Assert.False(GlyphConfusion.OnlyConfusable(w, changed));
        });
    }

    [Fact]
    public void StrongAI_read_as_StrongAl_is_uncertain_rather_than_a_confident_typo()
    {
        var match = StringMatcher.Match("StrongAI", [Pass(95, "StrongAl")]);
        Assert.False(match.Exact);
        Assert.True(match.Uncertain);
    }

    [Fact]
    public void A_genuine_misspelling_with_high_confidence_stays_a_confident_typo()
    {
        var match = StringMatcher.Match("OPEN FROM 7 AM EVERY DAY", [Pass(95, "OPEN FROM 7 AM EYERY DAY")]);
        Assert.False(match.Uncertain);
        Assert.Single(match.Typos);
    }

    [Fact]
    public void A_confusable_swap_next_to_a_real_typo_does_not_hide_the_typo()
    {
        var match = StringMatcher.Match("SOLD EVERY DAY", [Pass(95, "S0LD EYERY DAY")]);
        Assert.False(match.Uncertain);
    }
}
