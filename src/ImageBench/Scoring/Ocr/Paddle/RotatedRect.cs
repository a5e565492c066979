namespace ImageBench.Scoring.Ocr.Paddle;

/// <summary>
/// A rectangle at any angle, stored as a centre and two half-axes: <see cref="Along"/> runs in the reading
/// direction (the axis nearer the horizontal, pointing right) and <see cref="Across"/> perpendicular to it,
/// pointing down. Corners are therefore always top-left, top-right, bottom-right, bottom-left as a reader sees
/// them, which is the order cropping needs.
/// </summary>
public readonly record struct RotatedRect(PointD Center, PointD Along, PointD Across)
{
    public double Width => 2 * Along.Length;
    public double Height => 2 * Across.Length;
    public double Area => Width * Height;
    public double Perimeter => 2 * (Width + Height);

    public PointD TopLeft => Center - Along - Across;
    public PointD TopRight => Center + Along - Across;
    public PointD BottomRight => Center + Along + Across;
    public PointD BottomLeft => Center - Along + Across;
    public IReadOnlyList<PointD> Corners => [TopLeft, TopRight, BottomRight, BottomLeft];

    /// <summary>The rectangle from a centre, a unit direction and the full extents along it and across it.</summary>
    public static RotatedRect From(PointD center, PointD unit, double extentAlongUnit, double extentAcross)
    {
        var normal = new PointD(-unit.Y, unit.X);
        var (along, alongExtent, across, acrossExtent) = Math.Abs(unit.X) >= Math.Abs(unit.Y)
            ? (unit, extentAlongUnit, normal, extentAcross)
            : (normal, extentAcross, unit, extentAlongUnit);
        if (along.X < 0 || (along.X == 0 && along.Y < 0)) along = along * -1;
        across = new PointD(-along.Y, along.X); // right-handed in y-down pixels: points down when along points right
        return new RotatedRect(center, along * (alongExtent / 2), across * (acrossExtent / 2));
    }

    /// <summary>
    /// Grows every side outward by <paramref name="distance"/>. DB's unclip offsets the polygon by
    /// area · ratio / perimeter; for a rectangle the offset shape's minimum-area rectangle is exactly this.
    /// </summary>
    public RotatedRect Grow(double distance)
    {
        var (alongUnit, acrossUnit) = Axes();
        return new RotatedRect(Center, alongUnit * (Along.Length + distance), acrossUnit * (Across.Length + distance));
    }

    /// <summary>Unit vectors of both axes, also for a degenerate (zero-width or zero-height) rectangle.</summary>
    public (PointD Along, PointD Across) Axes()
    {
        double a = Along.Length, c = Across.Length;
        var along = a > 0 ? Along * (1 / a) : c > 0 ? new PointD(Across.Y / c, -Across.X / c) : new PointD(1, 0);
        var across = c > 0 ? Across * (1 / c) : new PointD(-along.Y, along.X);
        return (along, across);
    }

    /// <summary>DB's unclip distance: area × ratio ÷ perimeter.</summary>
    public RotatedRect Unclip(double ratio) => Perimeter <= 0 ? this : Grow(Area * ratio / Perimeter);

    public bool Contains(PointD p, double tolerance = 1e-9)
    {
        var d = p - Center;
        var (along, across) = Axes();
        return Math.Abs(d.Dot(along)) <= Along.Length + tolerance && Math.Abs(d.Dot(across)) <= Across.Length + tolerance;
    }

    /// <summary>The axis-aligned box around the rectangle, clipped to the image.</summary>
    public OcrBox Bounds(int width, int height)
    {
        var corners = Corners;
        return new OcrBox(
            Math.Clamp((int)Math.Floor(corners.Min(p => p.X)), 0, width), Math.Clamp((int)Math.Floor(corners.Min(p => p.Y)), 0, height),
            Math.Clamp((int)Math.Ceiling(corners.Max(p => p.X)), 0, width), Math.Clamp((int)Math.Ceiling(corners.Max(p => p.Y)), 0, height));
    }

    public RotatedRect Scale(double sx, double sy) =>
        new(new PointD(Center.X * sx, Center.Y * sy), new PointD(Along.X * sx, Along.Y * sy), new PointD(Across.X * sx, Across.Y * sy));
}
