namespace ImageBench.Scoring.Image;

/// <summary>One axis of a pixel grid: cells <see cref="Period"/> pixels wide, an edge after pixel
/// <see cref="Offset"/> + k·Period, carrying <see cref="EdgeShare"/> of all edge energy on that axis.</summary>
/// <param name="Strength">Normalised autocorrelation of the edge profile at the period (−1..1).</param>
/// <param name="Prominence">Raw edge energy on the grid lines above chance (see <see cref="GridPeriod.Prominence"/>).</param>
/// <param name="Lines">For a fractional period: the edge positions themselves (an edge after each pixel listed).</param>
internal sealed record GridAxis(double Period, int Offset, double EdgeShare, double Strength, double Prominence = 0, int[]? Lines = null)
{
    public static readonly GridAxis None = new(0, 0, 0, 0);
    public bool Found => Period > 0;

    /// <summary>Every edge position of the grid within a profile of <paramref name="length"/>.</summary>
    public int[] EdgePositions(int length)
    {
        if (Lines is not null)
            return Lines;
        int period = (int)Period;
        var lines = new List<int>(length / Math.Max(1, period) + 1);
        for (int x = Offset; x < length; x += period)
            lines.Add(x);
        return [.. lines];
    }
}

/// <summary>
/// Finds the grid period of an edge profile: nearest-neighbour upscaling puts every colour change on a multiple
/// of the pixel size, so the mean-removed profile autocorrelates strongly at that lag and its multiples. The
/// first strong local peak (lags 2..64) is the period; taking the first, not the highest, avoids answering 2s.
/// </summary>
internal static class GridPeriod
{
    public const int MinLag = 2;
    public const int MaxLag = 64;

    /// <summary>A peak must reach this share of the highest peak to count as "strong".</summary>
    private const double RelativePeak = 0.5;

    /// <summary>Below this autocorrelation a profile has no periodic structure worth calling a grid.</summary>
    private const double MinimumStrength = 0.15;

    /// <summary>The grid of <paramref name="profile"/>, with <see cref="GridAxis.Prominence"/> measured on
    /// <paramref name="raw"/> (all differences, noise included).</summary>
    public static GridAxis Find(double[] profile, double[] raw)
    {
        var axis = Find(profile);
        return axis.Found ? axis with { Prominence = Prominence(raw, axis.EdgePositions(raw.Length)) } : axis;
    }

    /// <summary>
    /// How far above chance the raw edge energy on the grid lines is: (share − 1/s) / (1 − 1/s), 0 when the grid
    /// lines carry no more than any other s-th column, 1 when they carry everything.
    /// </summary>
    public static double Prominence(double[] raw, int[] lines)
    {
        double on = 0, total = raw.Sum();
        foreach (int x in lines)
            on += raw[x];
        if (total <= 0 || lines.Length == 0 || lines.Length >= raw.Length)
            return 0;
        double chance = (double)lines.Length / raw.Length;
        return Math.Max(0, (on / total - chance) / (1 - chance));
    }

    public static GridAxis Find(double[] profile)
    {
        int n = profile.Length;
        // At least three whole cells are needed to call anything periodic.
        int maxLag = Math.Min(MaxLag, n / 3);
        if (maxLag < MinLag)
            return GridAxis.None;
        // On log(1 + P): a few huge spikes (a horizon, a long outline) would otherwise own the whole energy and
        // hide the regular small steps of every cell boundary (measured: a ×4 JPEG sprite's rows peaked at 0.06).
        var ac = Autocorrelation(Array.ConvertAll(profile, v => Math.Log(1 + v)), maxLag + 1);
        if (ac is null)
            return GridAxis.None;
        double best = 0;
        for (int lag = MinLag; lag <= maxLag; lag++)
            best = Math.Max(best, ac[lag]);
        if (best < MinimumStrength)
            return GridAxis.None;
        for (int lag = MinLag; lag <= maxLag; lag++)
        {
            bool localPeak = ac[lag] > ac[lag - 1] && (lag + 1 >= ac.Length || ac[lag] >= ac[lag + 1]);
            if (localPeak && ac[lag] >= RelativePeak * best)
            {
                int period = SmallestDividingPeriod(profile, lag);
                var (offset, share) = BestOffset(profile, period);
                return new GridAxis(period, offset, share, ac[period]);
            }
        }
        return GridAxis.None;
    }

    /// <summary>
    /// The peak found can be a multiple of the true period when lossy chroma blurs alternate lines (measured: a ×5
    /// WebP sprite peaked at 10). A divisor d = L/k is the real period when its k phases together carry about k
    /// times the energy of the one found: its share must reach (1 + (k − 1)/2) times the share at L, which a
    /// true period L cannot, because its other phases hold only noise.
    /// </summary>
    private static int SmallestDividingPeriod(double[] profile, int lag)
    {
        double shareAtLag = BestOffset(profile, lag).Share;
        for (int d = MinLag; d < lag; d++)
        {
            if (lag % d != 0)
                continue;
            int k = lag / d;
            if (BestOffset(profile, d).Share >= shareAtLag * (1 + (k - 1) / 2.0))
                return d;
        }
        return lag;
    }

    /// <summary>Normalised autocorrelation for lags 0..count−1, or null for a flat profile.</summary>
    private static double[]? Autocorrelation(double[] profile, int count)
    {
        int n = profile.Length;
        double mean = profile.Average();
        var d = new double[n];
        double energy = 0;
        for (int i = 0; i < n; i++)
        {
            d[i] = profile[i] - mean;
            energy += d[i] * d[i];
        }
        if (energy <= 1e-9)
            return null;
        var ac = new double[Math.Min(count, n)];
        for (int lag = 0; lag < ac.Length; lag++)
        {
            double sum = 0;
            for (int i = 0; i + lag < n; i++)
                sum += d[i] * d[i + lag];
            // Rescaled by n/(n−lag) so long lags are not penalised just for overlapping less.
            ac[lag] = sum / energy * n / (n - lag);
        }
        return ac;
    }

    /// <summary>offset = argmax_o Σ_k P[o + k·s], and the share of all edge energy on those positions.</summary>
    internal static (int Offset, double Share) BestOffset(double[] profile, int period)
    {
        var sums = new double[period];
        double total = 0;
        for (int i = 0; i < profile.Length; i++)
        {
            sums[i % period] += profile[i];
            total += profile[i];
        }
        int offset = 0;
        for (int o = 1; o < period; o++)
        {
            if (sums[o] > sums[offset])
                offset = o;
        }
        return (offset, total > 0 ? sums[offset] / total : 0);
    }
}
