namespace ImageBench.Scoring.Ocr.Paddle;

/// <summary>A point in pixel coordinates (x right, y down).</summary>
public readonly record struct PointD(double X, double Y)
{
    public static PointD operator +(PointD a, PointD b) => new(a.X + b.X, a.Y + b.Y);
    public static PointD operator -(PointD a, PointD b) => new(a.X - b.X, a.Y - b.Y);
    public static PointD operator *(PointD a, double k) => new(a.X * k, a.Y * k);

    public double Dot(PointD other) => X * other.X + Y * other.Y;
    public double Length => Math.Sqrt(X * X + Y * Y);
}
