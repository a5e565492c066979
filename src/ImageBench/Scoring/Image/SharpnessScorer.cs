using System.Text.Json.Nodes;
using ImageBench.Suites;

namespace ImageBench.Scoring.Image;

/// <summary>
/// Sharpness as the variance of the Laplacian of the grey image resized to a 1024 px long side (so images of
/// different sizes are compared at the same scale). Higher is sharper; a measurement, not a verdict: a soft
/// watercolour is meant to score low.
/// </summary>
public sealed class SharpnessScorer : IImageScorer
{
    public const int LongSide = 1024;

    public string Name => "sharpness";
    public string Version => "1";

    public bool AppliesTo(Expectations expect) => true;

    public ScoreResult Score(ScoringImage image, Expectations expect, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var gray = GrayResampler.ToLongSide(image, LongSide, out int w, out int h);
        double variance = LaplacianVariance(gray, w, h);
        return new ScoreResult(Name, Version, new Dictionary<string, double> { ["laplacian_variance"] = variance },
            new JsonObject { ["resized_to"] = $"{w}x{h}" }, null);
    }

    /// <summary>Variance of the 4-neighbour Laplacian over interior pixels; 0 for images under 3×3.</summary>
    public static double LaplacianVariance(float[] gray, int w, int h)
    {
        if (w < 3 || h < 3)
            return 0;
        double sum = 0, sumSquares = 0;
        for (int y = 1; y < h - 1; y++)
        {
            int row = y * w;
            for (int x = 1; x < w - 1; x++)
            {
                int i = row + x;
                double lap = gray[i - 1] + gray[i + 1] + gray[i - w] + gray[i + w] - 4.0 * gray[i];
                sum += lap;
                sumSquares += lap * lap;
            }
        }
        double n = (double)(w - 2) * (h - 2);
        double mean = sum / n;
        return Math.Max(0, sumSquares / n - mean * mean);
    }
}
