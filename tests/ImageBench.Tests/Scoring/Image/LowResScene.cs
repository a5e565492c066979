namespace ImageBench.Tests.Scoring.Image;

/// <summary>
/// A pixel-art scene at its native resolution: a small palette, a banded or flat sky, a ground, rectangles,
/// discs, a mirrored sprite and some dithered pixels, drawn cell by cell with no anti-aliasing.
/// </summary>
internal static class LowResScene
{
    public static byte[] Draw(Random random, int w, int h)
    {
        var palette = new (byte R, byte G, byte B)[random.Next(3, 25)];
        for (int i = 0; i < palette.Length; i++)
            palette[i] = ((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
        var cells = new int[w * h];
        int bands = random.Next(1, 5), ground = h * random.Next(55, 85) / 100;
        for (int y = 0; y < h; y++)
        {
            for (int x = 0; x < w; x++)
                cells[y * w + x] = y >= ground ? 1 % palette.Length : (y * bands / Math.Max(1, ground) + 2) % palette.Length;
        }
        for (int k = random.Next(3, 12); k > 0; k--)
            Rect(cells, w, h, random.Next(w), random.Next(h), random.Next(2, Math.Max(3, w / 4)), random.Next(2, Math.Max(3, h / 4)), random.Next(palette.Length));
        for (int k = random.Next(1, 6); k > 0; k--)
            Disc(cells, w, h, random.Next(w), random.Next(h), random.Next(2, Math.Max(3, w / 6)), random.Next(palette.Length));
        Sprite(random, cells, w, h, palette.Length);
        for (int k = w * h / 40; k > 0; k--)
            cells[random.Next(w * h)] = random.Next(palette.Length);
        var rgba = new byte[w * h * 4];
        for (int i = 0; i < cells.Length; i++)
        {
            var c = palette[cells[i]];
            (rgba[i * 4], rgba[i * 4 + 1], rgba[i * 4 + 2], rgba[i * 4 + 3]) = (c.R, c.G, c.B, 255);
        }
        return rgba;
    }

    private static void Rect(int[] cells, int w, int h, int x0, int y0, int rw, int rh, int colour)
    {
        for (int y = y0; y < Math.Min(h, y0 + rh); y++)
        {
            for (int x = x0; x < Math.Min(w, x0 + rw); x++)
                cells[y * w + x] = colour;
        }
    }

    private static void Disc(int[] cells, int w, int h, int cx, int cy, int r, int colour)
    {
        for (int y = Math.Max(0, cy - r); y < Math.Min(h, cy + r + 1); y++)
        {
            for (int x = Math.Max(0, cx - r); x < Math.Min(w, cx + r + 1); x++)
            {
                if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r)
                    cells[y * w + x] = colour;
            }
        }
    }

    /// <summary>An identicon-like creature: random half, mirrored, with an outline colour.</summary>
    private static void Sprite(Random random, int[] cells, int w, int h, int colours)
    {
        int size = Math.Max(4, Math.Min(w, h) / random.Next(2, 5));
        int x0 = random.Next(Math.Max(1, w - size)), y0 = random.Next(Math.Max(1, h - size));
        int body = random.Next(colours), eye = random.Next(colours);
        for (int y = 0; y < size; y++)
        {
            for (int x = 0; x < (size + 1) / 2; x++)
            {
                if (random.Next(100) >= 55)
                    continue;
                int colour = random.Next(10) == 0 ? eye : body;
                Set(cells, w, h, x0 + x, y0 + y, colour);
                Set(cells, w, h, x0 + size - 1 - x, y0 + y, colour);
            }
        }
    }

    private static void Set(int[] cells, int w, int h, int x, int y, int colour)
    {
        if (x >= 0 && y >= 0 && x < w && y < h)
            cells[y * w + x] = colour;
    }
}
