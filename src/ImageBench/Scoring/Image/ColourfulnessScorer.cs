using System.Text.Json.Nodes;
using ImageBench.Suites;

namespace ImageBench.Scoring.Image;

/// <summary>
/// Colourfulness by Hasler and Süsstrunk (2003), metric M3: with rg = R − G and yb = (R + G)/2 − B,
/// M = √(σ_rg² + σ_yb²) + 0.3·√(μ_rg² + μ_yb²). Their survey anchors the named bands below.
/// </summary>
public sealed class ColourfulnessScorer : IImageScorer
{
    /// <summary>Hasler–Süsstrunk attribute anchors: an image is in the highest band whose floor it reaches.</summary>
    public static readonly IReadOnlyList<(double Floor, string Name)> Bands =
    [
        (0, "not colourful"),
        (15, "slightly colourful"),
        (33, "moderately colourful"),
        (45, "averagely colourful"),
        (59, "quite colourful"),
        (82, "highly colourful"),
        (109, "extremely colourful"),
    ];

    public string Name => "colourfulness";
    public string Version => "1";

    public bool AppliesTo(Expectations expect) => true;

    public ScoreResult Score(ScoringImage image, Expectations expect, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        double m = Measure(image);
        return new ScoreResult(Name, Version, new Dictionary<string, double> { ["colourfulness"] = m },
            new JsonObject { ["band"] = BandOf(m) }, null);
    }

    public static string BandOf(double m) => Bands.Last(b => m >= b.Floor).Name;

    public static double Measure(ScoringImage image)
    {
        long n = (long)image.Width * image.Height;
        if (n == 0)
            return 0;
        double sumRg = 0, sumYb = 0, sqRg = 0, sqYb = 0;
        var rgba = image.Rgba;
        for (long p = 0; p < n * 4; p += 4)
        {
            double rg = rgba[p] - rgba[p + 1];
            double yb = 0.5 * (rgba[p] + rgba[p + 1]) - rgba[p + 2];
            sumRg += rg;
            sumYb += yb;
            sqRg += rg * rg;
            sqYb += yb * yb;
        }
        double meanRg = sumRg / n, meanYb = sumYb / n;
        double varRg = Math.Max(0, sqRg / n - meanRg * meanRg), varYb = Math.Max(0, sqYb / n - meanYb * meanYb);
        return Math.Sqrt(varRg + varYb) + 0.3 * Math.Sqrt(meanRg * meanRg + meanYb * meanYb);
    }
}
