namespace ImageBench.Scoring.Ocr.Paddle;

/// <summary>
/// 8-connected regions of a binary map, each kept as the first and last set pixel of every row it covers: those
/// row ends carry the whole convex hull (all a minimum-area rectangle needs) at a fraction of the pixels.
/// </summary>
public static class ConnectedComponents
{
    /// <summary>One region: per covered row, the leftmost and rightmost pixel (pixel centres).</summary>
    public sealed record Region(IReadOnlyList<(int Y, int MinX, int MaxX)> Rows, int PixelCount)
    {
        public IEnumerable<PointD> Outline() => Rows.SelectMany(r => new[] { new PointD(r.MinX, r.Y), new PointD(r.MaxX, r.Y) });
    }

    public static IReadOnlyList<Region> Find(ReadOnlySpan<bool> mask, int width, int height, int maxRegions = 1000)
    {
        var labels = new int[width * height];
        var regions = new List<(List<(int Y, int MinX, int MaxX)> Rows, int Pixels)>();
        var stack = new Stack<int>();
        for (int start = 0; start < labels.Length; start++)
        {
            if (!mask[start] || labels[start] != 0) continue;
            if (regions.Count == maxRegions) break;
            int label = regions.Count + 1;
            labels[start] = label;
            stack.Push(start);
            int pixels = 0;
            while (stack.Count > 0)
            {
                int p = stack.Pop();
                pixels++;
                int x = p % width, y = p / width;
                for (int dy = -1; dy <= 1; dy++)
                {
                    int ny = y + dy;
                    if (ny < 0 || ny >= height) continue;
                    for (int dx = -1; dx <= 1; dx++)
                    {
                        int nx = x + dx;
                        if (nx < 0 || nx >= width) continue;
                        int q = ny * width + nx;
                        if (mask[q] && labels[q] == 0)
                        {
                            labels[q] = label;
                            stack.Push(q);
                        }
                    }
                }
            }
            regions.Add(([], pixels));
        }
        // Row extents in one raster scan: a region's rows are met in increasing y.
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                int label = labels[y * width + x];
                if (label == 0) continue;
                var rows = regions[label - 1].Rows;
                if (rows.Count > 0 && rows[^1].Y == y) rows[^1] = (y, Math.Min(rows[^1].MinX, x), Math.Max(rows[^1].MaxX, x));
                else rows.Add((y, x, x));
            }
        }
        return regions.Select(r => new Region(r.Rows, r.Pixels)).ToList();
    }
}
