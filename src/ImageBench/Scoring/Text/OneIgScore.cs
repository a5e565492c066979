using ImageBench.Scoring.Ocr;

namespace ImageBench.Scoring.Text;

/// <summary>
/// OneIG-Bench's text score, for comparison with its published tables: the whole OCR text against the whole
/// target (expected strings joined by spaces), case-sensitive, so extra text lowers it:
/// score = 1 − min(100, ED)·(1 − CR)·(1 − WAC)/100 with ED the edit distance, CR 1 when the texts are equal and
/// WAC the share of target words found. OneIG reads each image once; with several passes the best pass counts.
/// </summary>
public static class OneIgScore
{
    public static double Compute(IReadOnlyList<string> expected, IReadOnlyList<OcrResult> results)
    {
        var target = Text(string.Join(' ', expected));
        var targetWords = Words(target);
        double best = results.Count == 0 ? Of(target, targetWords, "") : 0;
        foreach (var result in results)
        {
            best = Math.Max(best, Of(target, targetWords, Text(string.Join(' ', result.Lines.Select(l => l.Text)))));
        }
        return best;
    }

    public static double Of(string target, IReadOnlyList<string> targetWords, string read)
    {
        int ed = Levenshtein.Distance(target, read);
        double cr = target == read ? 1 : 0;
        double wac = targetWords.Count == 0 ? 1 : (double)StringMatcher.WordsFound(targetWords, Words(read)) / targetWords.Count;
        return 1 - Math.Min(100, ed) * (1 - cr) * (1 - wac) / 100;
    }

    private static string Text(string s) => NormalizedText.StraightenPunctuation(NormalizedText.Of(s).Raw);

    private static string[] Words(string s) => s.Length == 0 ? [] : s.Split(' ');
}
