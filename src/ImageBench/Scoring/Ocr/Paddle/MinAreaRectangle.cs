namespace ImageBench.Scoring.Ocr.Paddle;

/// <summary>
/// The smallest-area rectangle around a point set (what OpenCV's minAreaRect gives DB post-processing): one side
/// of it lies on an edge of the convex hull, so each hull edge is tried (rotating calipers without the
/// bookkeeping: hulls of text components have tens of points).
/// </summary>
public static class MinAreaRectangle
{
    public static RotatedRect Of(IEnumerable<PointD> points)
    {
        var hull = ConvexHull.Of(points);
        if (hull.Count == 0)
        {
            throw new ArgumentException("At least one point is needed.", nameof(points));
        }
        if (hull.Count == 1)
        {
            return new RotatedRect(hull[0], new PointD(0, 0), new PointD(0, 0));
        }
        RotatedRect? best = null;
        double bestArea = double.MaxValue;
        for (int i = 0; i < hull.Count; i++)
        {
            var edge = hull[(i + 1) % hull.Count] - hull[i];
            if (edge.Length == 0) continue;
            var u = edge * (1 / edge.Length);
            var n = new PointD(-u.Y, u.X);
            double minU = double.MaxValue, maxU = double.MinValue, minN = double.MaxValue, maxN = double.MinValue;
            foreach (var p in hull)
            {
                double pu = p.Dot(u), pn = p.Dot(n);
                minU = Math.Min(minU, pu); maxU = Math.Max(maxU, pu);
                minN = Math.Min(minN, pn); maxN = Math.Max(maxN, pn);
            }
            double area = (maxU - minU) * (maxN - minN);
            if (area < bestArea - 1e-9 || best is null)
            {
                bestArea = area;
                var center = u * ((minU + maxU) / 2) + n * ((minN + maxN) / 2);
                best = RotatedRect.From(center, u, maxU - minU, maxN - minN);
            }
        }
        return best!.Value;
    }
}
