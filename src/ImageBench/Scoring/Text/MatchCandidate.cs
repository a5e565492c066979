using ImageBench.Scoring.Ocr;

namespace ImageBench.Scoring.Text;

/// <summary>A piece of read text an expected string is compared with: a whole OCR line or a run of words.</summary>
public sealed record MatchCandidate(NormalizedText Text, double Confidence, OcrBox Box, string Engine, OcrPass Pass)
{
    /// <summary>
    /// Every line of every result plus every run of consecutive words (across line breaks, in reading order) whose
    /// length is within ±2 of the expected word count, because text wraps and OCR splits lines differently per pass.
    /// </summary>
    public static IEnumerable<MatchCandidate> From(OcrResult result, int expectedWords)
    {
        foreach (var line in result.Lines)
        {
            yield return Of(line.Words, result);
        }
        var words = result.Words.ToList();
        for (int length = Math.Max(1, expectedWords - 2); length <= expectedWords + 2; length++)
        {
            for (int start = 0; start + length <= words.Count; start++)
            {
                yield return Of(words.GetRange(start, length), result);
            }
        }
    }

    private static MatchCandidate Of(IReadOnlyList<OcrWord> words, OcrResult result) => new(
        NormalizedText.Of(string.Join(' ', words.Select(w => w.Text))),
        words.Average(w => w.Confidence),
        words.Select(w => w.Box).Aggregate(OcrBox.Union),
        result.Engine,
        result.Pass);
}
