using Microsoft.ML.OnnxRuntime;

namespace ImageBench.Scoring.Ocr.Paddle;

/// <summary>
/// PP-OCRv4's CTC recogniser on one detected box: the box cropped and resized in one step to height 48 (width by
/// aspect, padded with zeros to at least 320 as PaddleOCR does), (x/255 − 0.5)/0.5 in BGR order, then greedy CTC
/// decoding. Boxes at least 1.5× taller than wide are read turned 90°, as PaddleOCR does for vertical text.
/// Holds its input buffer, so one instance per worker.
/// </summary>
internal sealed class TextRecognizer(InferenceSession session, RunOptions runOptions, PaddleDictionary dictionary)
{
    public const int InputHeight = 48;
    public const int MinInputWidth = 320;
    public const int MaxInputWidth = 3200;

    private float[] _input = [];

    public RecognizedLine Recognize(ScoringImage image, bool inverted, RotatedRect box)
    {
        var along = Unit(box.Along, new PointD(1, 0));
        var across = Unit(box.Across, new PointD(0, 1));
        double width = Math.Max(1, box.Width), height = Math.Max(1, box.Height);
        var origin = box.TopLeft;
        if (height / width >= 1.5)
        {
            // np.rot90: the crop's new x axis runs down the old one, its new y axis right to left.
            (origin, along, across, width, height) = (box.TopRight, across, along * -1, height, width);
        }
        int contentWidth = Math.Clamp((int)Math.Ceiling(InputHeight * width / height), 1, MaxInputWidth);
        int tensorWidth = Math.Max(MinInputWidth, contentWidth);
        var input = OnnxRunner.Ensure(ref _input, 3 * InputHeight * tensorWidth);
        Array.Clear(input, 0, 3 * InputHeight * tensorWidth);
        var dx = along * (width / contentWidth);
        var dy = across * (height / InputHeight);
        BgrSampler.Sample(image, inverted, origin, dx, dy, contentWidth, InputHeight, input, tensorWidth, BgrSampler.Normalization.Symmetric);
        return OnnxRunner.Run(session, runOptions, input, [1, 3, InputHeight, tensorWidth], (probabilities, shape) =>
        {
            int steps = (int)shape[1], classes = (int)shape[2];
            var chars = CtcGreedyDecoder.Decode(probabilities, steps, classes, dictionary);
            return new RecognizedLine(chars, origin, dx, dy, contentWidth, InputHeight, (double)tensorWidth / steps);
        });
    }

    private static PointD Unit(PointD v, PointD fallback) => v.Length > 0 ? v * (1 / v.Length) : fallback;
}
