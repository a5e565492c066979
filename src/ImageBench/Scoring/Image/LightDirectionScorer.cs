using System.Text.Json.Nodes;
using ImageBench.Suites;

namespace ImageBench.Scoring.Image;

/// <summary>
/// Advisory guess at where the light comes from. Brightness rises towards the light, so the mean of the unit
/// luminance gradients points at it: tilt = atan2(−mean Ey, mean Ex) with y down (0° = from the right, 90° =
/// from above). Left/right and top/bottom luminance asymmetry are reported beside it and lower the confidence
/// when they disagree. Textured scenes fool it; the checklist judge has the last word, so Passed is null.
/// </summary>
public sealed class LightDirectionScorer : IImageScorer
{
    /// <summary>Working size: small enough to average away texture, large enough to keep shading.</summary>
    private const int LongSide = 256;

    /// <summary>Gradients weaker than this (grey levels per pixel) are flat regions with no direction.</summary>
    private const double MinGradient = 1.0;

    /// <summary>Below this coherence the unit gradients cancel out and no direction is named.</summary>
    private const double MinCoherence = 0.05;

    public string Name => "light-direction";
    public string Version => "1";

    public bool AppliesTo(Expectations expect) => expect.Lighting is not null;

    public ScoreResult Score(ScoringImage image, Expectations expect, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var gray = GrayResampler.ToLongSide(image, Math.Min(LongSide, Math.Max(image.Width, image.Height)), out int w, out int h);
        var (ex, ey) = MeanUnitGradient(gray, w, h);
        var (lr, tb) = Asymmetry(gray, w, h);
        double coherence = Math.Sqrt(ex * ex + ey * ey);
        double tilt = Math.Atan2(-ey, ex) * 180 / Math.PI;
        // The asymmetry vector (right-brighter, top-brighter) should point the same way as the gradients.
        double agreement = lr * ex + tb * -ey;
        double confidence = coherence < MinCoherence ? 0 : Math.Min(1, coherence * 2) * (agreement >= 0 ? 1 : 0.5);
        string verdict = coherence < MinCoherence ? "no clear direction" : "from " + DirectionWord(tilt);
        var metrics = new Dictionary<string, double>
        {
            ["tilt_degrees"] = tilt,
            ["gradient_coherence"] = coherence,
            ["lr_asymmetry"] = lr,
            ["tb_asymmetry"] = tb,
            ["confidence"] = confidence,
        };
        var details = new JsonObject { ["verdict"] = verdict, ["expected"] = expect.Lighting };
        return new ScoreResult(Name, Version, metrics, details, null);
    }

    public static string DirectionWord(double tiltDegrees)
    {
        string[] words = ["right", "upper-right", "above", "upper-left", "left", "lower-left", "below", "lower-right"];
        int sector = (int)Math.Round(((tiltDegrees % 360) + 360) % 360 / 45.0) % 8;
        return words[sector];
    }

    /// <summary>Mean of Sobel gradients normalised to unit length (y down), over pixels that have a gradient.</summary>
    private static (double Ex, double Ey) MeanUnitGradient(float[] g, int w, int h)
    {
        double sx = 0, sy = 0;
        long count = 0;
        for (int y = 1; y < h - 1; y++)
        {
            for (int x = 1; x < w - 1; x++)
            {
                int i = y * w + x;
                double gx = g[i - w + 1] + 2 * g[i + 1] + g[i + w + 1] - g[i - w - 1] - 2 * g[i - 1] - g[i + w - 1];
                double gy = g[i + w - 1] + 2 * g[i + w] + g[i + w + 1] - g[i - w - 1] - 2 * g[i - w] - g[i - w + 1];
                double length = Math.Sqrt(gx * gx + gy * gy);
                // Sobel weights sum to 4 on each side, hence 8 × levels per pixel.
                if (length < MinGradient * 8)
                    continue;
                sx += gx / length;
                sy += gy / length;
                count++;
            }
        }
        return count == 0 ? (0, 0) : (sx / count, sy / count);
    }

    /// <summary>(right − left) and (top − bottom) mean luminance, relative to the overall mean.</summary>
    private static (double LeftRight, double TopBottom) Asymmetry(float[] g, int w, int h)
    {
        double left = 0, right = 0, top = 0, bottom = 0, all = 0;
        for (int y = 0; y < h; y++)
        {
            for (int x = 0; x < w; x++)
            {
                double v = g[y * w + x];
                all += v;
                if (2 * x < w - 1) left += v; else if (2 * x > w - 1) right += v;
                if (2 * y < h - 1) top += v; else if (2 * y > h - 1) bottom += v;
            }
        }
        double mean = all / Math.Max(1, (long)w * h);
        double half = Math.Max(1, (long)w * h / 2.0);
        if (mean < 1)
            return (0, 0);
        return ((right - left) / half / mean, (top - bottom) / half / mean);
    }
}
