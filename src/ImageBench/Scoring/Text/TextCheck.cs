using ImageBench.Scoring.Ocr;

namespace ImageBench.Scoring.Text;

/// <summary>
/// The one-image entry point for `imagebench check IMAGE --text ...`: decode, read with every pass, match.
/// Never throws for bad input or a missing OCR library; the result says what went wrong.
/// </summary>
public static class TextCheck
{
    private static readonly Lazy<TextScorer> Shared = new(() => TextScorer.CreateDefault());

    public static TextCheckResult Run(byte[] imageBytes, IReadOnlyList<string> expected) => Run(imageBytes, expected, Shared.Value, CancellationToken.None);

    public static TextCheckResult Run(byte[] imageBytes, IReadOnlyList<string> expected, TextScorer scorer, CancellationToken ct)
    {
        var image = ScoringImage.Load(imageBytes, out var error);
        if (image is null)
        {
            return new TextCheckResult(null, TextCheckFailure.BadImage, error ?? "not an image");
        }
        var strings = expected.Where(e => !string.IsNullOrWhiteSpace(e)).ToList();
        try
        {
            return new TextCheckResult(scorer.Analyze(image, strings, ct), null, null);
        }
        catch (OcrUnavailableException e)
        {
            return new TextCheckResult(null, TextCheckFailure.OcrUnavailable, e.Message);
        }
    }
}
