using System.Text.Json.Nodes;
using ImageBench.Suites;

namespace ImageBench.Scoring.Image;

/// <summary>
/// Noise level by Immerkær's fast estimate (1996): σ = √(π/2) / (6(W−2)(H−2)) · Σ|I ∗ N| with the mask
/// N = [1 −2 1; −2 4 −2; 1 −2 1], which cancels linear structure and keeps pixel-level noise. Reported in grey
/// levels (0–255) at the image's own resolution, because noise is a per-pixel property.
/// </summary>
public sealed class NoiseScorer : IImageScorer
{
    public string Name => "noise";
    public string Version => "1";

    public bool AppliesTo(Expectations expect) => true;

    public ScoreResult Score(ScoringImage image, Expectations expect, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        double sigma = Estimate(image.Gray, image.Width, image.Height);
        return new ScoreResult(Name, Version, new Dictionary<string, double> { ["noise_sigma"] = sigma }, [], null);
    }

    public static double Estimate(byte[] gray, int w, int h)
    {
        if (w < 3 || h < 3)
            return 0;
        long total = 0;
        for (int y = 1; y < h - 1; y++)
        {
            int up = (y - 1) * w, mid = y * w, down = (y + 1) * w;
            for (int x = 1; x < w - 1; x++)
            {
                int v = gray[up + x - 1] - 2 * gray[up + x] + gray[up + x + 1]
                    - 2 * gray[mid + x - 1] + 4 * gray[mid + x] - 2 * gray[mid + x + 1]
                    + gray[down + x - 1] - 2 * gray[down + x] + gray[down + x + 1];
                total += Math.Abs(v);
            }
        }
        return Math.Sqrt(Math.PI / 2) * total / (6.0 * (w - 2) * (h - 2));
    }
}
