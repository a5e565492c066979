using ImageBench.Scoring.Ocr;

namespace ImageBench.Scoring.Text;

/// <summary>Confidently read text that belongs to no expected string: stray words, gibberish, watermarks.</summary>
/// <param name="Passes">How many passes read it; one-pass readings on textured backgrounds are often noise.</param>
public sealed record ExtraWord(string Text, double Confidence, int Passes)
{
    public const double MinConfidence = 60;
    public const int MinLength = 2;

    /// <summary>
    /// Words with confidence ≥ 60 and at least two characters that are neither an expected word nor part of a
    /// best match (so a typo such as EYERY is reported once, as a typo, not again as extra text). A word that is a
    /// piece of an expected string or best match with the spaces removed is not extra either: engines glue words
    /// (PP-OCR's "AMEYERY" is part of OPENFROM7AMEYERYDAY).
    /// </summary>
    public static IReadOnlyList<ExtraWord> Find(IReadOnlyList<OcrResult> results, IEnumerable<string> expected, IEnumerable<StringMatch> matches)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        var compacts = new List<string>();
        foreach (var text in expected.Concat(matches.Select(m => m.Best ?? "")))
        {
            var normalized = NormalizedText.Of(text);
            known.UnionWith(normalized.Words);
            compacts.Add(normalized.Compact);
        }
        return results
            .SelectMany(r => r.Words.Select(w => (Word: NormalizedText.Of(w.Text).Normal, w.Confidence, Pass: r.Pass.Name + "/" + r.Engine)))
            .Where(w => w.Confidence >= MinConfidence && w.Word.Length >= MinLength && !known.Contains(w.Word)
                && !compacts.Any(c => c.Contains(w.Word.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal)))
            .GroupBy(w => w.Word, StringComparer.Ordinal)
            .Select(g => new ExtraWord(g.Key, g.Max(w => w.Confidence), g.Select(w => w.Pass).Distinct().Count()))
            .OrderByDescending(w => w.Passes).ThenByDescending(w => w.Confidence)
            .ToList();
    }
}
