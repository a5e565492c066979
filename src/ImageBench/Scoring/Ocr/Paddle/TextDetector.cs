using Microsoft.ML.OnnxRuntime;

namespace ImageBench.Scoring.Ocr.Paddle;

/// <summary>
/// PP-OCRv4's DB text detector: the image resized so its long side is at most 960 px and both sides are
/// multiples of 32 (never enlarged, as PaddleOCR's "max" limit), BGR with ImageNet normalisation, then
/// <see cref="DbPostProcess"/> on the probability map. Boxes come back in original pixels, in reading order.
/// Holds its input buffer, so one instance per worker.
/// </summary>
internal sealed class TextDetector(InferenceSession session, RunOptions runOptions)
{
    public const int MaxSide = 960;

    private float[] _input = [];

    public IReadOnlyList<RotatedRect> Detect(ScoringImage image, OcrPass pass)
    {
        double scale = Math.Min(1.0, (double)MaxSide / Math.Max(image.Width, image.Height)) * pass.Scale;
        int width = RoundTo32(image.Width * scale), height = RoundTo32(image.Height * scale);
        var input = OnnxRunner.Ensure(ref _input, 3 * width * height);
        double sx = (double)image.Width / width, sy = (double)image.Height / height;
        BgrSampler.Sample(image, pass.Inverted, new PointD(0, 0), new PointD(sx, 0), new PointD(0, sy), width, height,
            input, width, BgrSampler.Normalization.ImageNet);
        var boxes = OnnxRunner.Run(session, runOptions, input, [1, 3, height, width], (map, shape) =>
            DbPostProcess.Boxes(map, (int)shape[^1], (int)shape[^2]));
        return DbPostProcess.ReadingOrder(boxes.Select(b => b.Scale(sx, sy)));
    }

    private static int RoundTo32(double side) => Math.Max(32, (int)Math.Round(side / 32) * 32);
}
