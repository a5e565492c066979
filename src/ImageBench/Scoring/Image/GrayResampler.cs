namespace ImageBench.Scoring.Image;

/// <summary>
/// Resizes an 8-bit grey plane to float: area averaging when shrinking (so fine detail is averaged, not aliased)
/// and bilinear when growing. Measurements that depend on scale (sharpness, hashes) run on a common size.
/// </summary>
internal static class GrayResampler
{
    /// <summary>The grey plane scaled so its long side is <paramref name="longSide"/> pixels.</summary>
    public static float[] ToLongSide(ScoringImage image, int longSide, out int width, out int height)
    {
        double scale = (double)longSide / Math.Max(image.Width, image.Height);
        width = Math.Max(1, (int)Math.Round(image.Width * scale));
        height = Math.Max(1, (int)Math.Round(image.Height * scale));
        return Resize(image.Gray, image.Width, image.Height, width, height);
    }

    public static float[] Resize(byte[] gray, int width, int height, int outWidth, int outHeight)
    {
        if (outWidth == width && outHeight == height)
            return Array.ConvertAll(gray, v => (float)v);
        var xWeights = AxisWeights(width, outWidth);
        var yWeights = AxisWeights(height, outHeight);
        // Horizontal pass: height × outWidth.
        var rows = new float[height * outWidth];
        for (int y = 0; y < height; y++)
        {
            int rowIn = y * width, rowOut = y * outWidth;
            for (int x = 0; x < outWidth; x++)
            {
                float sum = 0;
                foreach (var (index, weight) in xWeights[x])
                    sum += gray[rowIn + index] * weight;
                rows[rowOut + x] = sum;
            }
        }
        var result = new float[outHeight * outWidth];
        for (int y = 0; y < outHeight; y++)
        {
            int rowOut = y * outWidth;
            foreach (var (index, weight) in yWeights[y])
            {
                int rowIn = index * outWidth;
                for (int x = 0; x < outWidth; x++)
                    result[rowOut + x] += rows[rowIn + x] * weight;
            }
        }
        return result;
    }

    private static (int Index, float Weight)[][] AxisWeights(int inSize, int outSize)
    {
        var weights = new (int, float)[outSize][];
        double ratio = (double)inSize / outSize;
        for (int o = 0; o < outSize; o++)
            weights[o] = ratio >= 1 ? AreaWeights(o, ratio, inSize) : LinearWeights(o, ratio, inSize);
        return weights;
    }

    private static (int, float)[] AreaWeights(int o, double ratio, int inSize)
    {
        double start = o * ratio, end = Math.Min(inSize, (o + 1) * ratio);
        var list = new List<(int, float)>((int)ratio + 2);
        for (int i = (int)start; i < end && i < inSize; i++)
        {
            double overlap = Math.Min(end, i + 1) - Math.Max(start, i);
            if (overlap > 0)
                list.Add((i, (float)(overlap / (end - start))));
        }
        return [.. list];
    }

    private static (int, float)[] LinearWeights(int o, double ratio, int inSize)
    {
        double centre = Math.Clamp((o + 0.5) * ratio - 0.5, 0, inSize - 1);
        int i0 = (int)Math.Floor(centre);
        int i1 = Math.Min(inSize - 1, i0 + 1);
        float f = (float)(centre - i0);
        return i1 == i0 ? [(i0, 1f)] : [(i0, 1f - f), (i1, f)];
    }
}
