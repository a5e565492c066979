using System.Numerics;

namespace ImageBench.Scoring.Image;

/// <summary>
/// 64-bit DCT perceptual hash (pHash): grey image area-averaged to 32×32, 2-D DCT-II, the 8×8 lowest
/// frequencies compared with their median (the DC term excluded from the median because it dwarfs the rest).
/// Near-identical pictures differ in few bits whatever their size or encoding.
/// </summary>
public static class PerceptualHash
{
    private const int Size = 32;
    private const int Low = 8;
    private static readonly double[,] Cosines = BuildCosines();

    public static ulong Of(ScoringImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var small = GrayResampler.Resize(image.Gray, image.Width, image.Height, Size, Size);
        var coefficients = new double[Low * Low];
        for (int u = 0; u < Low; u++)
        {
            for (int v = 0; v < Low; v++)
            {
                double sum = 0;
                for (int y = 0; y < Size; y++)
                {
                    double rowSum = 0;
                    for (int x = 0; x < Size; x++)
                        rowSum += small[y * Size + x] * Cosines[v, x];
                    sum += rowSum * Cosines[u, y];
                }
                coefficients[u * Low + v] = sum;
            }
        }
        var sorted = coefficients.Skip(1).Order().ToArray();
        double median = (sorted[31] + sorted[32]) / 2;
        ulong hash = 0;
        for (int i = 0; i < coefficients.Length; i++)
        {
            if (coefficients[i] > median)
                hash |= 1UL << i;
        }
        return hash;
    }

    public static int Distance(ulong a, ulong b) => BitOperations.PopCount(a ^ b);

    private static double[,] BuildCosines()
    {
        var c = new double[Low, Size];
        for (int u = 0; u < Low; u++)
        {
            for (int x = 0; x < Size; x++)
                c[u, x] = Math.Cos((2 * x + 1) * u * Math.PI / (2 * Size));
        }
        return c;
    }
}
