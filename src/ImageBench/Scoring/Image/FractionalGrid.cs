namespace ImageBench.Scoring.Image;

/// <summary>
/// Finds a grid whose cell size is not a whole number of pixels (art upscaled by 10.67, say): edges fall at
/// floor(φ + k·p). Searches p over 3..64 px and φ in quarter pixels for the largest excess of edge energy on the
/// lines over chance, (share − 1/p)/(1 − 1/p); among periods within 90% of the best excess the largest wins,
/// because p/2 also holds every line of p while 2p holds only half of them.
/// </summary>
internal static class FractionalGrid
{
    private const double MinPeriod = 3;
    private const double MaxPeriod = 64;
    private const double CoarseStep = 0.05;
    private const double FineStep = 0.002;
    /// <summary>Phase resolution while scanning periods (measured: half a pixel lost two ×3.7 and ×5.3 sprites).</summary>
    private const double CoarsePhaseStep = 0.25;
    private const double PhaseStep = 0.25;

    /// <summary>
    /// Whether any grid of period 3..64 could meet <paramref name="t"/>'s edge-share and prominence limits on
    /// this axis: a grid of period p has about n/p lines, which can hold at most the energy of the n/p strongest
    /// columns. When even those fall short the search (the costly part of scoring a non-pixel-art image) is
    /// skipped; the verdict cannot change.
    /// </summary>
    public static bool CouldPass(double[] profile, double[] raw, PixelArtThresholds t)
    {
        int n = profile.Length;
        if (n < 3)
            return false;
        var floored = TopShares(profile);
        var all = TopShares(raw);
        for (int lines = Math.Max(1, (int)(n / Math.Min(MaxPeriod, t.MaxPixelSize))); lines <= n / Math.Max(MinPeriod, t.MinPixelSize) + 1 && lines <= n; lines++)
        {
            double chance = (double)lines / n;
            if (floored[lines - 1] >= t.MinEdgeShare && all[lines - 1] >= chance + t.MinProminence * (1 - chance))
                return true;
        }
        return false;
    }

    /// <summary>Share of the total held by the k+1 largest values, for every k.</summary>
    private static double[] TopShares(double[] values)
    {
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        Array.Reverse(sorted);
        double total = sorted.Sum();
        var shares = new double[sorted.Length];
        double running = 0;
        for (int i = 0; i < sorted.Length; i++)
        {
            running += sorted[i];
            shares[i] = total > 0 ? running / total : 0;
        }
        return shares;
    }

    public static GridAxis Find(double[] profile, double[] raw)
    {
        int n = profile.Length;
        double total = profile.Sum();
        double maxPeriod = Math.Min(MaxPeriod, n / 3.0);
        if (total <= 0 || maxPeriod < MinPeriod)
            return GridAxis.None;
        var coarse = new List<(double Period, double Excess)>();
        // Twice the step above 32 px: fewer cells, so the same step drifts less over the image.
        for (double p = MinPeriod; p <= maxPeriod; p += p < 32 ? CoarseStep : 2 * CoarseStep)
            coarse.Add((p, Excess(BestPhase(profile, p, CoarsePhaseStep).Share, p)));
        double best = coarse.Max(c => c.Excess);
        if (best <= 0)
            return GridAxis.None;
        double chosen = coarse.Last(c => c.Excess >= 0.9 * best).Period;
        var refined = Refine(profile, chosen, CoarseStep, FineStep, maxPeriod);
        // The coarse steps drift off a small period over many cells, so a multiple can win; as with integer
        // periods, p/k is the period when its lines carry (1 + (k − 1)/2) times the energy of p's.
        for (int k = 4; k >= 2; k--)
        {
            if (refined.Period / k < MinPeriod)
                continue;
            var divisor = Refine(profile, refined.Period / k, CoarseStep / k, FineStep / k, maxPeriod);
            if (divisor.Share >= refined.Share * (1 + (k - 1) / 2.0))
            {
                refined = divisor;
                break;
            }
        }
        var lines = Lines(n, refined.Period, refined.Phase);
        return new GridAxis(refined.Period, lines.Length > 0 ? lines[0] : 0, refined.Share, 0,
            GridPeriod.Prominence(raw, lines), lines);
    }

    private static (double Period, double Phase, double Share) Refine(double[] profile, double around, double window, double step, double maxPeriod)
    {
        (double Period, double Phase, double Share) refined = (around, 0, -1);
        for (double p = Math.Max(MinPeriod, around - window); p <= Math.Min(maxPeriod, around + window); p += step)
        {
            var (phase, share) = BestPhase(profile, p, PhaseStep);
            if (share > refined.Share)
                refined = (p, phase, share);
        }
        return refined;
    }

    private static double Excess(double share, double period) => (share - 1 / period) / (1 - 1 / period);

    /// <summary>The phase whose lines carry the most edge energy, and that share of the total.</summary>
    private static (double Phase, double Share) BestPhase(double[] profile, double period, double phaseStep)
    {
        double total = 0;
        foreach (double v in profile)
            total += v;
        (double Phase, double Sum) best = (0, -1);
        for (double phase = 0; phase < period; phase += phaseStep)
        {
            double sum = 0;
            for (double at = phase; at < profile.Length; at += period)
                sum += profile[(int)at];
            if (sum > best.Sum)
                best = (phase, sum);
        }
        return (best.Phase, total > 0 ? best.Sum / total : 0);
    }

    private static int[] Lines(int length, double period, double phase)
    {
        var lines = new List<int>((int)(length / period) + 1);
        for (double at = phase; at < length; at += period)
            lines.Add((int)at);
        return [.. lines];
    }
}
