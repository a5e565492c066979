using ImageBench.Suites;

namespace ImageBench.Scoring.Image;

/// <summary>
/// One image, every weight-free scorer: the engine of `imagebench check`. Bad input (not an image, truncated,
/// absurd dimensions) becomes a recorded failure before any scorer runs; a scorer that throws is recorded as
/// that scorer's error. Nothing here throws for any input bytes.
/// </summary>
public static class ImageCheck
{
    public static ImageCheckResult Run(byte[] imageBytes, bool expectPixelArt, CancellationToken ct = default)
    {
        var image = ScoringImage.Load(imageBytes ?? [], out var error);
        if (image is null)
            return new ImageCheckResult(error ?? "the image could not be decoded", null, [], null, expectPixelArt);
        var expect = new Expectations { Style = expectPixelArt ? "pixel-art" : null };
        var results = new List<ScoreResult>(WeightFreeScorers.All.Count);
        foreach (var scorer in WeightFreeScorers.All)
            results.Add(RunOne(scorer, image, expect, ct));
        return new ImageCheckResult(null, image.Facts, results, PerceptualHash.Of(image), expectPixelArt);
    }

    private static ScoreResult RunOne(IImageScorer scorer, ScoringImage image, Expectations expect, CancellationToken ct)
    {
        try
        {
            return scorer.Score(image, expect, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            // A scorer bug must not hide the other verdicts; it is recorded like any other failure.
            return ScoreResult.Failed(scorer.Name, scorer.Version, $"{e.GetType().Name}: {e.Message}");
        }
    }
}
