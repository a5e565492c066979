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
    /// best match (so a typo such as EYERY is reported once, as a typo, not again as extra text).
    /// </summary>
    public static IReadOnlyList<ExtraWord> Find(IReadOnlyList<OcrResult> results, IEnumerable<string> expected, IEnumerable<StringMatch> matches)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in expected.Concat(matches.Select(m => m.Best ?? "")))
        {
            known.UnionWith(NormalizedText.Of(text).Words);
        }
        return results
            .SelectMany(r => r.Words.Select(w => (Word: NormalizedText.Of(w.Text).Normal, w.Confidence, Pass: r.Pass.Name + "/" + r.Engine)))
            .Where(w => w.Confidence >= MinConfidence && w.Word.Length >= MinLength && !known.Contains(w.Word))
            .GroupBy(w => w.Word, StringComparer.Ordinal)
            .Select(g => new ExtraWord(g.Key, g.Max(w => w.Confidence), g.Select(w => w.Pass).Distinct().Count()))
            .OrderByDescending(w => w.Passes).ThenByDescending(w => w.Confidence)
            .ToList();
    }
}
