namespace ImageBench.Scoring.Image;

/// <summary>Palette size: how many 15-bit colours (5 bits a channel) it takes to cover 99% of the pixels.
/// The 1% slack and the 5-bit bins absorb JPEG ringing around edges, which would otherwise add hundreds.</summary>
internal static class Palette
{
    public const double Coverage = 0.99;

    public static int Key15(byte r, byte g, byte b) => (r >> 3) << 10 | (g >> 3) << 5 | (b >> 3);

    public static int Size(ScoringImage image)
    {
        int pixels = image.Width * image.Height;
        if (pixels == 0)
            return 0;
        var counts = new int[1 << 15];
        var rgba = image.Rgba;
        for (int p = 0; p < pixels * 4; p += 4)
            counts[Key15(rgba[p], rgba[p + 1], rgba[p + 2])]++;
        return SizeOf(counts, pixels);
    }

    /// <summary>Colours needed to cover 99% of <paramref name="pixels"/>, from a 15-bit histogram (sorted in place).</summary>
    public static int SizeOf(int[] counts, long pixels)
    {
        Array.Sort(counts);
        long needed = (long)Math.Ceiling(pixels * Coverage), covered = 0;
        int colours = 0;
        for (int i = counts.Length - 1; i >= 0 && covered < needed; i--)
        {
            covered += counts[i];
            colours++;
        }
        return colours;
    }

    /// <summary>Most distinct colours worth clustering; beyond this the image is not a small-palette image anyway.</summary>
    public const int ClusterCap = 1024;

    /// <summary>
    /// Palette size with near colours merged: bins taken by decreasing area, each joining the first palette
    /// entry within 3 bins (24 levels) on every channel. Codec noise shifts a flat cell's mean colour into a
    /// neighbouring bin, which would otherwise count as a new colour. Stops counting at <see cref="ClusterCap"/>.
    /// </summary>
    public static int Clustered(int[] areas, long pixels)
    {
        var bins = Enumerable.Range(0, areas.Length).Where(k => areas[k] > 0).OrderByDescending(k => areas[k]).ToList();
        var entries = new List<(int Key, long Area)>();
        foreach (int key in bins)
        {
            int match = entries.FindIndex(e => Near(e.Key, key));
            if (match >= 0)
            {
                entries[match] = (entries[match].Key, entries[match].Area + areas[key]);
            }
            else
            {
                if (entries.Count >= ClusterCap)
                    break;
                entries.Add((key, areas[key]));
            }
        }
        var sorted = entries.Select(e => (int)Math.Min(int.MaxValue, e.Area)).ToArray();
        return SizeOf(sorted, pixels);
    }

    private static bool Near(int a, int b) =>
        Math.Abs((a >> 10) - (b >> 10)) <= 3 && Math.Abs(((a >> 5) & 31) - ((b >> 5) & 31)) <= 3 && Math.Abs((a & 31) - (b & 31)) <= 3;
}
