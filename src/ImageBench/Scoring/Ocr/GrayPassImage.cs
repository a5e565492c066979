namespace ImageBench.Scoring.Ocr;

/// <summary>
/// 8-bit gray pixels prepared for one pass: resized by area averaging (no ringing), optionally inverted, and
/// framed with a border in the image's own edge colour so text touching the edge is still segmented without the
/// frame itself reading as a stroke. <see cref="ToOriginal"/> maps boxes back.
/// </summary>
public sealed class GrayPassImage
{
    /// <summary>Border added on every side, in pass pixels.</summary>
    public const int Border = 10;

    /// <summary>Longer sides are read at this size: Tesseract's time grows with area and posters gain nothing above it.</summary>
    public const int MaxSide = 2048;

    private GrayPassImage(byte[] pixels, int width, int height, double scale)
    {
        Pixels = pixels;
        Width = width;
        Height = height;
        Scale = scale;
    }

    public byte[] Pixels { get; }
    public int Width { get; }
    public int Height { get; }
    /// <summary>Pass pixels per original pixel.</summary>
    public double Scale { get; }

    public static GrayPassImage Prepare(byte[] gray, int width, int height, OcrPass pass)
    {
        double scale = pass.Scale * Math.Min(1.0, (double)MaxSide / Math.Max(width, height));
        var (scaled, w, h) = scale >= 0.999 ? (gray, width, height) : AreaResize(gray, width, height, scale);
        int edge = EdgeMean(scaled, w, h);
        int outW = w + 2 * Border, outH = h + 2 * Border;
        var pixels = new byte[outW * outH];
        byte fill = (byte)(pass.Inverted ? 255 - edge : edge);
        Array.Fill(pixels, fill);
        for (int y = 0; y < h; y++)
        {
            var src = scaled.AsSpan(y * w, w);
            var dst = pixels.AsSpan((y + Border) * outW + Border, w);
            if (pass.Inverted)
            {
                for (int x = 0; x < w; x++) dst[x] = (byte)(255 - src[x]);
            }
            else
            {
                src.CopyTo(dst);
            }
        }
        return new GrayPassImage(pixels, outW, outH, scale);
    }

    public OcrBox ToOriginal(int left, int top, int right, int bottom) => new(
        (int)Math.Floor((left - Border) / Scale), (int)Math.Floor((top - Border) / Scale),
        (int)Math.Ceiling((right - Border) / Scale), (int)Math.Ceiling((bottom - Border) / Scale));

    private static (byte[] Pixels, int Width, int Height) AreaResize(byte[] src, int width, int height, double scale)
    {
        int w = Math.Max(1, (int)Math.Round(width * scale)), h = Math.Max(1, (int)Math.Round(height * scale));
        var dst = new byte[w * h];
        for (int y = 0; y < h; y++)
        {
            int y0 = y * height / h, y1 = Math.Max(y0 + 1, (y + 1) * height / h);
            for (int x = 0; x < w; x++)
            {
                int x0 = x * width / w, x1 = Math.Max(x0 + 1, (x + 1) * width / w);
                int sum = 0;
                for (int yy = y0; yy < y1; yy++)
                {
                    for (int xx = x0; xx < x1; xx++) sum += src[yy * width + xx];
                }
                int count = (y1 - y0) * (x1 - x0);
                dst[y * w + x] = (byte)((sum + count / 2) / count);
            }
        }
        return (dst, w, h);
    }

    private static int EdgeMean(byte[] pixels, int w, int h)
    {
        long sum = 0;
        int count = 0;
        for (int x = 0; x < w; x++) { sum += pixels[x] + pixels[(h - 1) * w + x]; count += 2; }
        for (int y = 0; y < h; y++) { sum += pixels[y * w] + pixels[y * w + w - 1]; count += 2; }
        return (int)(sum / count);
    }
}
