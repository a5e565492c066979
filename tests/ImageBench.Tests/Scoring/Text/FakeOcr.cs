using ImageBench.Scoring.Ocr;

namespace ImageBench.Tests.Scoring.Text;

/// <summary>Builds OCR results by hand so the matching logic is tested without an engine.</summary>
internal static class FakeOcr
{
    private static int _pass;

    /// <summary>One pass; each string is a line, words split on spaces, all with the given confidence.</summary>
    public static OcrResult Pass(double confidence, params string[] lines)
    {
        var pass = new OcrPass(1.0 / (1 + Interlocked.Increment(ref _pass)), PageSegmentation.Sparse, false);
        int y = 0;
        return new OcrResult("fake", pass, lines.Select(line =>
        {
            y += 40;
            int x = 0;
            return new OcrLine(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(w => new OcrWord(w, confidence, new OcrBox(x, y, x += 20 * w.Length, y + 30))).ToList());
        }).ToList());
    }
}
