using CsCheck;
using ImageBench.Scoring.Ocr.Paddle;

namespace ImageBench.Tests.Scoring.Ocr.Paddle;

public sealed class GeometryPropertyTests
{
    private static readonly Gen<PointD> Point = Gen.Select(Gen.Double[-500, 500], Gen.Double[-500, 500], (x, y) => new PointD(x, y));

    [Fact]
    public void The_min_area_rectangle_contains_every_point_and_is_no_larger_than_the_axis_aligned_box()
    {
        Point.Array[1, 40].Sample(points =>
        {
            var rect = MinAreaRectangle.Of(points);
            Assert.All(points, p => Assert.True(rect.Contains(p, 1e-6), $"{p} outside {rect}"));
            double box = (points.Max(p => p.X) - points.Min(p => p.X)) * (points.Max(p => p.Y) - points.Min(p => p.Y));
            Assert.True(rect.Area <= box + 1e-6, $"area {rect.Area} > bounding box {box}");
        });
    }

    [Fact]
    public void The_rectangle_of_a_rotated_rectangle_is_that_rectangle()
    {
        // Corners of a 200×40 box turned 20°: the answer is exact, and "along" is the long, near-horizontal side.
        double a = 20 * Math.PI / 180;
        var u = new PointD(Math.Cos(a), Math.Sin(a));
        var n = new PointD(-u.Y, u.X);
        var c = new PointD(300, 200);
        var rect = MinAreaRectangle.Of([c + u * 100 + n * 20, c - u * 100 + n * 20, c - u * 100 - n * 20, c + u * 100 - n * 20]);
        Assert.Equal(200, rect.Width, 6);
        Assert.Equal(40, rect.Height, 6);
        Assert.True(rect.TopLeft.X < rect.TopRight.X && rect.TopLeft.Y < rect.BottomLeft.Y, "corners in reading order");
    }

    [Fact]
    public void Unclip_grows_the_area_and_keeps_the_original_inside()
    {
        Gen.Select(Point, Gen.Double[1, 300], Gen.Double[1, 300], Gen.Double[-Math.PI, Math.PI]).Sample((c, w, h, angle) =>
        {
            var rect = RotatedRect.From(c, new PointD(Math.Cos(angle), Math.Sin(angle)), w, h);
            var grown = rect.Unclip(1.5);
            double d = rect.Area * 1.5 / rect.Perimeter;
            Assert.True(grown.Area > rect.Area);
            Assert.Equal((rect.Width + 2 * d) * (rect.Height + 2 * d), grown.Area, 6);
            Assert.All(rect.Corners, p => Assert.True(grown.Contains(p, 1e-6)));
        });
    }

    [Fact]
    public void Db_post_processing_finds_each_text_blob_grown_past_its_kernel()
    {
        const int w = 120, h = 60;
        var map = new float[w * h];
        void Fill(int x0, int y0, int x1, int y1, float p) { for (int y = y0; y < y1; y++) for (int x = x0; x < x1; x++) map[y * w + x] = p; }
        Fill(10, 10, 60, 20, 0.9f);  // a text kernel
        Fill(70, 30, 110, 45, 0.9f); // another
        Fill(20, 40, 40, 50, 0.4f);  // above the binary threshold, below the box score: dropped
        Fill(100, 5, 102, 7, 0.95f); // a 2×2 speck: dropped
        var boxes = DbPostProcess.ReadingOrder(DbPostProcess.Boxes(map, w, h));
        Assert.Equal(2, boxes.Count);
        Assert.True(boxes[0].Contains(new PointD(10, 10)) && boxes[0].Contains(new PointD(59, 19)));
        Assert.True(boxes[0].Width > 50 && boxes[0].Height > 10, "unclipped beyond the kernel");
        Assert.True(boxes[1].Contains(new PointD(90, 37)));
    }
}
