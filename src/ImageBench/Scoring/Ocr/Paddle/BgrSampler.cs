namespace ImageBench.Scoring.Ocr.Paddle;

/// <summary>
/// Fills a planar B, G, R float tensor from an RGBA image through an affine frame: output pixel (i, j) samples the
/// source at origin + (i + ½)·dx + (j + ½)·dy. One routine serves both the detector (an axis-aligned resize) and the
/// recogniser (a rotated crop straight to height 48), so a crop is sampled once from the original pixels.
/// Shrinking by more than 1.5× averages a k×k grid of bilinear samples per output pixel (k ≤ 4), which stands in
/// for area resampling: plain bilinear aliases thin strokes away.
/// </summary>
public static class BgrSampler
{
    /// <summary>Per-channel normalisation applied as (value/255 − mean[c]) / std[c], channels in B, G, R order.</summary>
    public sealed record Normalization(float[] Mean, float[] Std)
    {
        /// <summary>The detector's: ImageNet statistics, applied in the order PaddleOCR applies them to OpenCV's BGR.</summary>
        public static Normalization ImageNet { get; } = new([0.485f, 0.456f, 0.406f], [0.229f, 0.224f, 0.225f]);

        /// <summary>The recogniser's: (x/255 − 0.5)/0.5.</summary>
        public static Normalization Symmetric { get; } = new([0.5f, 0.5f, 0.5f], [0.5f, 0.5f, 0.5f]);
    }

    public static void Sample(ScoringImage image, bool inverted, PointD origin, PointD dx, PointD dy, int outWidth, int outHeight,
        Span<float> tensor, int tensorWidth, Normalization norm)
    {
        int plane = tensorWidth * outHeight;
        int k = Math.Clamp((int)Math.Ceiling(Math.Max(dx.Length, dy.Length) - 0.5), 1, 4);
        double step = 1.0 / k;
        var rgba = image.Rgba;
        int w = image.Width, h = image.Height;
        Span<double> sum = stackalloc double[3];
        for (int j = 0; j < outHeight; j++)
        {
            for (int i = 0; i < outWidth; i++)
            {
                sum.Clear();
                for (int sj = 0; sj < k; sj++)
                {
                    for (int si = 0; si < k; si++)
                    {
                        double fx = i + (si + 0.5) * step, fy = j + (sj + 0.5) * step;
                        // Source pixel centres sit at integer + ½; bilinear weights are taken between centres.
                        double x = origin.X + fx * dx.X + fy * dy.X - 0.5;
                        double y = origin.Y + fx * dx.Y + fy * dy.Y - 0.5;
                        Bilinear(rgba, w, h, x, y, sum);
                    }
                }
                int o = j * tensorWidth + i;
                for (int c = 0; c < 3; c++)
                {
                    double value = sum[c] / (k * k);
                    if (inverted) value = 255 - value;
                    tensor[c * plane + o] = (float)((value / 255 - norm.Mean[c]) / norm.Std[c]);
                }
            }
        }
    }

    /// <summary>Adds the bilinear B, G, R value at (x, y) to <paramref name="sum"/>; edges are clamped.</summary>
    private static void Bilinear(byte[] rgba, int w, int h, double x, double y, Span<double> sum)
    {
        x = Math.Clamp(x, 0, w - 1);
        y = Math.Clamp(y, 0, h - 1);
        int x0 = (int)x, y0 = (int)y;
        int x1 = Math.Min(x0 + 1, w - 1), y1 = Math.Min(y0 + 1, h - 1);
        double ax = x - x0, ay = y - y0;
        int p00 = (y0 * w + x0) * 4, p10 = (y0 * w + x1) * 4, p01 = (y1 * w + x0) * 4, p11 = (y1 * w + x1) * 4;
        double w00 = (1 - ax) * (1 - ay), w10 = ax * (1 - ay), w01 = (1 - ax) * ay, w11 = ax * ay;
        for (int c = 0; c < 3; c++)
        {
            int rgbaChannel = 2 - c; // B, G, R from R, G, B
            sum[c] += rgba[p00 + rgbaChannel] * w00 + rgba[p10 + rgbaChannel] * w10 + rgba[p01 + rgbaChannel] * w01 + rgba[p11 + rgbaChannel] * w11;
        }
    }
}
