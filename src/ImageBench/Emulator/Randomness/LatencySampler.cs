namespace ImageBench.Emulator.Randomness;

/// <summary>Draws emulated generation times from a <see cref="LatencyProfile"/>.</summary>
internal static class LatencySampler
{
    /// <summary>
    /// α + β of the Beta distribution. 6 gives a visible spread with a right tail for means near the low end,
    /// like the article's measurements, while keeping both shape parameters above 1 (a unimodal hump).
    /// </summary>
    private const double Concentration = 6.0;

    public static double SampleSeconds(LatencyProfile profile, DeterministicRandom random)
    {
        double span = profile.MaxSeconds - profile.MinSeconds;
        if (span <= 0)
        {
            return Math.Max(0, profile.MinSeconds);
        }
        double mean01 = Math.Clamp((profile.MeanSeconds - profile.MinSeconds) / span, 1e-3, 1 - 1e-3);
        double x = SampleBeta(mean01 * Concentration, (1 - mean01) * Concentration, random);
        return profile.MinSeconds + x * span;
    }

    public static double SampleBeta(double alpha, double beta, DeterministicRandom random)
    {
        double x = SampleGamma(alpha, random);
        double y = SampleGamma(beta, random);
        return x / (x + y);
    }

    /// <summary>Marsaglia–Tsang (2000); shapes below 1 use the Gamma(a+1)·U^(1/a) boost.</summary>
    public static double SampleGamma(double shape, DeterministicRandom random)
    {
        if (shape < 1)
        {
            double u = 1.0 - random.NextDouble();
            return SampleGamma(shape + 1, random) * Math.Pow(u, 1.0 / shape);
        }
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / Math.Sqrt(9.0 * d);
        while (true)
        {
            double z = random.NextGaussian();
            double v = 1.0 + c * z;
            if (v <= 0)
            {
                continue;
            }
            v = v * v * v;
            double u = 1.0 - random.NextDouble();
            if (Math.Log(u) < 0.5 * z * z + d - d * v + d * Math.Log(v))
            {
                return d * v;
            }
        }
    }
}
