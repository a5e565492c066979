using CsCheck;
using ImageBench.Scoring.Text;

namespace ImageBench.Tests.Scoring.Text;

public sealed class LevenshteinPropertyTests
{
    // A small alphabet so generated strings share characters and collide often.
    private static readonly Gen<string> Words = Gen.String[Gen.Char["ABEVY7 "], 0, 12];

    [Fact]
    public void Distance_is_symmetric_and_zero_only_for_identical_strings()
    {
        Gen.Select(Words, Words).Sample((a, b) =>
        {
            Assert.Equal(Levenshtein.Distance(a, b), Levenshtein.Distance(b, a));
            Assert.Equal(a == b, Levenshtein.Distance(a, b) == 0);
            Assert.Equal(0, Levenshtein.Distance(a, a));
            Assert.InRange(Levenshtein.Distance(a, b), Math.Abs(a.Length - b.Length), Math.Max(a.Length, b.Length));
        });
    }

    [Fact]
    public void Distance_obeys_the_triangle_inequality()
    {
        Gen.Select(Words, Words, Words).Sample((a, b, c) =>
            Assert.True(Levenshtein.Distance(a, c) <= Levenshtein.Distance(a, b) + Levenshtein.Distance(b, c)));
    }

    [Fact]
    public void Known_distances()
    {
        Assert.Equal(1, Levenshtein.Distance("EVERY", "EYERY"));
        Assert.Equal(3, Levenshtein.Distance("kitten", "sitting"));
        Assert.Equal(4, Levenshtein.Distance("", "ABCD"));
    }

    [Fact]
    public void Cer_is_zero_exactly_when_the_normalised_strings_agree_ignoring_spaces()
    {
        var raw = Gen.String[Gen.Char["aAbBvVyY7 \u2019'\u2014-\t"], 1, 14].Where(s => s.Trim().Length > 0);
        Gen.Select(raw, raw).Sample((a, b) =>
        {
            var x = NormalizedText.Of(a);
            var y = NormalizedText.Of(b);
            Assert.Equal(x.Compact == y.Compact, Levenshtein.NormalizedCer(x, y) == 0);
            Assert.True(Levenshtein.NormalizedCer(x, y) >= 0);
        });
    }

    [Fact]
    public void Character_edits_turn_the_expected_word_into_the_read_one()
    {
        Gen.Select(Words, Words).Sample((expected, read) =>
        {
            var edits = CharEdit.Between(expected, read);
            Assert.Equal(Levenshtein.Distance(expected, read), edits.Count);
            Assert.Equal(read, Apply(expected, edits));
        });
    }

    private static string Apply(string expected, IReadOnlyList<CharEdit> edits)
    {
        var result = new System.Text.StringBuilder();
        int e = 0;
        for (int i = 1; i <= expected.Length + 1; i++)
        {
            // Insertions before position i, then the character at i (kept, substituted or deleted).
            while (e < edits.Count && edits[e].Position == i && edits[e].Expected is null) result.Append(edits[e++].Read);
            if (i > expected.Length) break;
            if (e < edits.Count && edits[e].Position == i && edits[e].Expected is not null)
            {
                if (edits[e].Read is { } r) result.Append(r);
                e++;
            }
            else
            {
                result.Append(expected[i - 1]);
            }
        }
        Assert.Equal(edits.Count, e);
        return result.ToString();
    }
}
