namespace ImageBench.Scoring.Ocr.Paddle;

/// <summary>
/// DB (differentiable binarisation) post-processing as PaddleOCR does it, without OpenCV: threshold the
/// probability map, take each connected region's minimum-area rectangle, drop slivers and regions whose mean
/// probability inside the rectangle is low, then grow the rectangle back out (the network predicts shrunk text
/// kernels) by area × ratio ÷ perimeter.
/// </summary>
public static class DbPostProcess
{
    public const double BinaryThreshold = 0.3;
    public const double BoxThreshold = 0.6;
    public const double UnclipRatio = 1.5;
    /// <summary>Shorter side, in map pixels, below which a region is noise (PaddleOCR's min_size).</summary>
    public const double MinSide = 3;

    /// <summary>Text boxes in map pixels.</summary>
    public static IReadOnlyList<RotatedRect> Boxes(ReadOnlySpan<float> probability, int width, int height)
    {
        var mask = new bool[width * height];
        for (int i = 0; i < mask.Length; i++) mask[i] = probability[i] > BinaryThreshold;
        var boxes = new List<RotatedRect>();
        foreach (var region in ConnectedComponents.Find(mask, width, height))
        {
            var rect = MinAreaRectangle.Of(region.Outline());
            if (Math.Min(rect.Width, rect.Height) < MinSide) continue;
            if (MeanInside(probability, width, height, rect) < BoxThreshold) continue;
            var grown = rect.Unclip(UnclipRatio);
            if (Math.Min(grown.Width, grown.Height) < MinSide + 2) continue;
            boxes.Add(grown);
        }
        return boxes;
    }

    /// <summary>Mean probability over the pixels whose centres lie inside the rectangle (PaddleOCR's box_score_fast).</summary>
    public static double MeanInside(ReadOnlySpan<float> probability, int width, int height, RotatedRect rect)
    {
        var bounds = rect.Bounds(width - 1, height - 1);
        double sum = 0;
        int count = 0;
        for (int y = bounds.Top; y <= bounds.Bottom; y++)
        {
            for (int x = bounds.Left; x <= bounds.Right; x++)
            {
                if (!rect.Contains(new PointD(x, y), 0.5)) continue;
                sum += probability[y * width + x];
                count++;
            }
        }
        return count == 0 ? 0 : sum / count;
    }

    /// <summary>Reading order: top to bottom, and left to right within a line (boxes whose tops are within 10 px).</summary>
    public static List<RotatedRect> ReadingOrder(IEnumerable<RotatedRect> boxes)
    {
        var sorted = boxes.OrderBy(b => b.TopLeft.Y).ThenBy(b => b.TopLeft.X).ToList();
        for (int i = 0; i < sorted.Count - 1; i++)
        {
            for (int j = i; j >= 0; j--)
            {
                if (Math.Abs(sorted[j + 1].TopLeft.Y - sorted[j].TopLeft.Y) < 10 && sorted[j + 1].TopLeft.X < sorted[j].TopLeft.X)
                {
                    (sorted[j], sorted[j + 1]) = (sorted[j + 1], sorted[j]);
                }
                else
                {
                    break;
                }
            }
        }
        return sorted;
    }
}
