using ImageBench.Scoring.Ocr;

namespace ImageBench.Scoring.Text;

/// <summary>
/// Finds each expected string's best candidate over every OCR line and word run of every pass, and explains the
/// difference word by word. The minimum over passes is deliberate: OCR noise changes from pass to pass, a model's
/// misspelling does not.
/// </summary>
public static class StringMatcher
{
    /// <summary>Below this mean word confidence (Tesseract's 0–100) a verdict is flagged uncertain.</summary>
    public const double ConfidentAt = 60;

    /// <summary>A pass whose best candidate is this close "read" the string; farther readings do not vote.</summary>
    public const double ReadingCer = 0.5;

    public static StringMatch Match(string expected, IReadOnlyList<OcrResult> results)
    {
        var target = NormalizedText.Of(expected);
        var perPass = new List<(MatchCandidate Candidate, double Cer)>();
        foreach (var result in results)
        {
            var best = MatchCandidate.From(result, target.Words.Count)
                .Select(c => (Candidate: c, Cer: Levenshtein.NormalizedCer(target, c.Text)))
                .OrderBy(x => x.Cer).ThenByDescending(x => x.Candidate.Confidence)
                .FirstOrDefault();
            if (best.Candidate is not null) perPass.Add(best);
        }
        if (perPass.Count == 0)
        {
            return NothingRead(expected, target);
        }
        var reading = perPass.Where(p => p.Cer <= ReadingCer).ToList();
        int Support(MatchCandidate c) => reading.Count(p => p.Candidate.Text.Compact == c.Text.Compact);
        var (chosen, cer) = perPass
            .OrderBy(p => p.Cer).ThenByDescending(p => Support(p.Candidate)).ThenByDescending(p => p.Candidate.Confidence)
            .First();
        bool exact = cer == 0;
        double agreement = reading.Count == 0 ? 0 : (double)Support(chosen) / reading.Count;
        var engines = perPass
            .GroupBy(p => p.Candidate.Engine, StringComparer.Ordinal)
            .Select(g => g.OrderBy(p => p.Cer).ThenByDescending(p => Support(p.Candidate)).ThenByDescending(p => p.Candidate.Confidence).First())
            .Select(p => new EngineReading(p.Candidate.Engine, p.Candidate.Text.Raw, p.Cer, p.Cer == 0, p.Candidate.Confidence))
            .ToList();
        bool enginesDisagree = EngineReading.Disagree(engines, ReadingCer, ConfidentAt);
        var readWords = WordsLike(target, chosen.Text);
        var alignment = WordAlignment.Align(target.Words, readWords);
        bool onlyGlyphConfusions = alignment.Any(a => a.Op != AlignOp.Match)
            && alignment.All(a => a.Op == AlignOp.Match || (a.Op == AlignOp.Substitute && GlyphConfusion.OnlyConfusable(a.Expected!, a.Read!)));
        return new StringMatch(
            expected, chosen.Text.Raw, chosen.Engine, chosen.Pass.Name, chosen.Box, cer, 1 - Math.Min(1, cer), exact,
            alignment.Where(a => a.Op == AlignOp.Substitute)
                .Select(a => new Typo(a.ExpectedIndex + 1, a.Expected!, a.Read!, CharEdit.Between(a.Expected!, a.Read!))).ToList(),
            alignment.Where(a => a.Op == AlignOp.Delete).Select(a => a.Expected!).ToList(),
            alignment.Where(a => a.Op == AlignOp.Insert).Select(a => a.Read!).ToList(),
            target.Words.Count,
            WordsFound(target.Words, readWords),
            chosen.Confidence,
            agreement,
            Uncertain: chosen.Confidence < ConfidentAt || PassesDisagree(reading.Count, agreement) || enginesDisagree || onlyGlyphConfusions,
            CaseDiffers: exact && Compact(NormalizedText.StraightenPunctuation(target.Raw)) != Compact(NormalizedText.StraightenPunctuation(chosen.Text.Raw)),
            PunctuationDiffers: exact && Compact(target.Raw).ToUpperInvariant() != Compact(chosen.Text.Raw).ToUpperInvariant(),
            SpacingDiffers: exact && target.Normal != chosen.Text.Normal)
        {
            EnginesDisagree = enginesDisagree,
            Engines = engines,
        };
    }

    /// <summary>
    /// The read words as read, or re-cut at the expected word boundaries (<see cref="Resegmentation"/>) when that
    /// aligns strictly better — a glued "AMEYERY" becomes AM + EYERY, while a genuinely extra word stays extra.
    /// </summary>
    private static IReadOnlyList<string> WordsLike(NormalizedText target, NormalizedText read)
    {
        var asRead = read.Words;
        if (target.Normal == read.Normal || target.Words.Count == 0) return asRead;
        var recut = Resegmentation.Like(target.Words, asRead);
        return WordAlignment.Cost(WordAlignment.Align(target.Words, recut)) < WordAlignment.Cost(WordAlignment.Align(target.Words, asRead)) - 1e-9
            ? recut
            : asRead;
    }

    /// <summary>Expected words found among the read words, each read word used once (multiset intersection).</summary>
    public static int WordsFound(IReadOnlyList<string> expected, IReadOnlyList<string> read)
    {
        var pool = read.GroupBy(w => w, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        int found = 0;
        foreach (var word in expected)
        {
            if (pool.TryGetValue(word, out int left) && left > 0)
            {
                pool[word] = left - 1;
                found++;
            }
        }
        return found;
    }

    /// <summary>
    /// Passes disagree when, of two or more passes that read the string, no strict majority read the chosen text.
    /// This applies to exact matches too: a glyph drawn wrong but read right by a minority of passes (6 for G at
    /// half scale) must not be a confident pass.
    /// </summary>
    private static bool PassesDisagree(int readingPasses, double agreement) => readingPasses >= 2 && agreement <= 0.5;

    private static string Compact(string text) => text.Replace(" ", "", StringComparison.Ordinal);

    private static StringMatch NothingRead(string expected, NormalizedText target) => new(
        expected, null, null, null, null, 1, 0, false, [], target.Words.ToList(), [], target.Words.Count, 0, 0, 0,
        Uncertain: true, CaseDiffers: false, PunctuationDiffers: false, SpacingDiffers: false);
}
