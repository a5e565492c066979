namespace ImageBench.Scoring.Image;

/// <summary>How the image fits its grid re-filled with one colour per cell (a nearest-neighbour re-upscale of
/// the cell mode colours).</summary>
/// <param name="Consistency">Share of pixels within <see cref="GridConsistency.Tolerance"/> levels, on every
/// channel, of their cell's mode colour.</param>
/// <param name="CellPalette">Palette of the re-filled image, near colours merged (see <see cref="Palette.Clustered"/>).</param>
/// <param name="MeanDeviation">Mean over pixels of the largest channel difference from the cell colour.</param>
internal sealed record GridFit(double Consistency, int CellPalette, double MeanDeviation)
{
    public static readonly GridFit None = new(0, 0, 0);
}

/// <summary>
/// True pixel art equals its re-filled grid up to codec noise; smooth shading or texture inside cells does not.
/// The palette is counted on the re-filled image because the pixels' own palette after JPEG/WebP is inflated by
/// noise (measured: 262–3640 colours for sprites drawn with 3–24).
/// </summary>
internal static class GridConsistency
{
    public const int Tolerance = 24;

    public static GridFit Measure(ScoringImage image, GridAxis columns, GridAxis rows)
    {
        if (!columns.Found || !rows.Found)
            return GridFit.None;
        var cellColours = new int[1 << 15];
        var counts = new int[1 << 15];
        var sums = new long[(1 << 15) * 3];
        var touched = new List<int>(4096);
        long within = 0, deviation = 0;
        foreach (var (x0, x1) in Cells(image.Width, columns))
        {
            foreach (var (y0, y1) in Cells(image.Height, rows))
            {
                var cell = new Cell(x0, x1, y0, y1);
                var colour = ModeColour(image, cell, counts, sums, touched);
                var (inside, off) = Compare(image, cell, colour);
                within += inside;
                deviation += off;
                cellColours[Palette.Key15(colour.R, colour.G, colour.B)] += (x1 - x0) * (y1 - y0);
            }
        }
        long pixels = (long)image.Width * image.Height;
        return new GridFit((double)within / pixels, Palette.Clustered(cellColours, pixels), (double)deviation / pixels);
    }

    private readonly record struct Cell(int X0, int X1, int Y0, int Y1);

    /// <summary>Cell spans [start, end) along one axis; an edge after pixel o means a cell starts at o + 1.</summary>
    private static IEnumerable<(int Start, int End)> Cells(int size, GridAxis axis)
    {
        int start = 0;
        foreach (int line in axis.EdgePositions(size - 1))
        {
            if (line + 1 > start && line + 1 < size)
            {
                yield return (start, line + 1);
                start = line + 1;
            }
        }
        if (start < size)
            yield return (start, size);
    }

    /// <summary>The mean colour of the cell's most common 15-bit bin (the bin centre would be up to 4 levels off).</summary>
    private static (byte R, byte G, byte B) ModeColour(ScoringImage image, Cell c, int[] counts, long[] sums, List<int> touched)
    {
        var rgba = image.Rgba;
        int stride = image.Width * 4;
        int mode = -1;
        for (int y = c.Y0; y < c.Y1; y++)
        {
            for (int p = y * stride + c.X0 * 4, end = y * stride + c.X1 * 4; p < end; p += 4)
            {
                int key = Palette.Key15(rgba[p], rgba[p + 1], rgba[p + 2]);
                if (counts[key]++ == 0)
                    touched.Add(key);
                sums[key * 3] += rgba[p];
                sums[key * 3 + 1] += rgba[p + 1];
                sums[key * 3 + 2] += rgba[p + 2];
                if (mode < 0 || counts[key] > counts[mode])
                    mode = key;
            }
        }
        int n = counts[mode];
        var colour = ((byte)(sums[mode * 3] / n), (byte)(sums[mode * 3 + 1] / n), (byte)(sums[mode * 3 + 2] / n));
        foreach (int key in touched)
        {
            counts[key] = 0;
            sums[key * 3] = sums[key * 3 + 1] = sums[key * 3 + 2] = 0;
        }
        touched.Clear();
        return colour;
    }

    private static (long Within, long Deviation) Compare(ScoringImage image, Cell c, (byte R, byte G, byte B) colour)
    {
        var rgba = image.Rgba;
        int stride = image.Width * 4;
        long within = 0, deviation = 0;
        for (int y = c.Y0; y < c.Y1; y++)
        {
            for (int p = y * stride + c.X0 * 4, end = y * stride + c.X1 * 4; p < end; p += 4)
            {
                int d = Math.Max(Math.Abs(rgba[p] - colour.R), Math.Max(Math.Abs(rgba[p + 1] - colour.G), Math.Abs(rgba[p + 2] - colour.B)));
                deviation += d;
                if (d <= Tolerance)
                    within++;
            }
        }
        return (within, deviation);
    }
}
