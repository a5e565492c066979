namespace ImageBench.Scoring.Image;

/// <summary>Everything the pixel-art verdict is made from, measured once per image. <see cref="PaletteSize"/> is
/// the palette of the grid cells' colours (what the artist drew); <see cref="RawPaletteSize"/> that of the pixels.</summary>
public sealed record PixelArtMeasurement(double PeriodX, int OffsetX, double EdgeShareX, double ProminenceX, double PeriodY, int OffsetY, double EdgeShareY, double ProminenceY, double GridConsistency, double CellDeviation, int PaletteSize, int RawPaletteSize)
{
    /// <summary>The cell size in pixels (mean of both axes), 0 when either axis has no grid.</summary>
    public double PixelSize => PeriodX > 0 && PeriodY > 0 ? (PeriodX + PeriodY) / 2.0 : 0;

    /// <summary>The smaller of the two axes' shares of edge energy that falls on grid lines.</summary>
    public double EdgeShare => Math.Min(EdgeShareX, EdgeShareY);

    /// <summary>The smaller of the two axes' grid prominence (raw edge energy on grid lines above chance).</summary>
    public double Prominence => Math.Min(ProminenceX, ProminenceY);

    public static PixelArtMeasurement Of(ScoringImage image) => Of(image, PixelArtThresholds.Calibrated);

    /// <summary>
    /// Integer grid periods first (exact nearest-neighbour upscales); when that grid is not judged pixel art, a
    /// fractional one (art upscaled by a non-integer factor, e.g. 96 cells over 1024 px), kept only if it is.
    /// </summary>
    public static PixelArtMeasurement Of(ScoringImage image, PixelArtThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        var profiles = EdgeProfiles.Of(image);
        var integer = Measure(image, GridPeriod.Find(profiles.Columns, profiles.RawColumns), GridPeriod.Find(profiles.Rows, profiles.RawRows));
        if (integer.Judge(thresholds).IsPixelArt
            || !FractionalGrid.CouldPass(profiles.Columns, profiles.RawColumns, thresholds)
            || !FractionalGrid.CouldPass(profiles.Rows, profiles.RawRows, thresholds))
            return integer;
        var fractional = Measure(image, FractionalGrid.Find(profiles.Columns, profiles.RawColumns), FractionalGrid.Find(profiles.Rows, profiles.RawRows));
        return fractional.Judge(thresholds).IsPixelArt ? fractional : integer;
    }

    private static PixelArtMeasurement Measure(ScoringImage image, GridAxis x, GridAxis y)
    {
        var fit = Image.GridConsistency.Measure(image, x, y);
        int raw = Palette.Size(image);
        return new PixelArtMeasurement(x.Period, x.Offset, x.EdgeShare, x.Prominence, y.Period, y.Offset, y.EdgeShare, y.Prominence,
            fit.Consistency, fit.MeanDeviation, x.Found && y.Found ? fit.CellPalette : raw, raw);
    }

    /// <summary>True pixel art under <paramref name="t"/>, with the first reason it is not.</summary>
    public (bool IsPixelArt, string Reason) Judge(PixelArtThresholds t)
    {
        if (PeriodX == 0 || PeriodY == 0)
            return (false, "no pixel grid: edges are not periodic on both axes");
        if (PeriodX < t.MinPixelSize || PeriodY < t.MinPixelSize || PeriodX > t.MaxPixelSize || PeriodY > t.MaxPixelSize)
            return (false, $"grid period {PeriodX:0.##}x{PeriodY:0.##} is outside {t.MinPixelSize}..{t.MaxPixelSize} px");
        if (Math.Abs(PeriodX - PeriodY) > Math.Max(1, t.SquareTolerance * Math.Max(PeriodX, PeriodY)))
            return (false, $"grid cells are not square ({PeriodX:0.##}x{PeriodY:0.##} px)");
        if (EdgeShare < t.MinEdgeShare)
            return (false, $"only {EdgeShare:P0} of edge energy lies on the grid lines (needs {t.MinEdgeShare:P0})");
        if (Prominence < t.MinProminence)
            return (false, $"grid lines carry little of the image's detail (prominence {Prominence:0.00} < {t.MinProminence:0.00}): texture or codec blocks, not cells");
        if (GridConsistency < t.MinGridConsistency)
            return (false, $"grid consistency {GridConsistency:P0} is below {t.MinGridConsistency:P0}: cells are not flat colour");
        if (PaletteSize > t.MaxPaletteSize)
            return (false, $"{PaletteSize} colours cover 99% of pixels (limit {t.MaxPaletteSize})");
        return (true, $"{PixelSize:0.#} px cells, {GridConsistency:P0} consistent, {PaletteSize} colours");
    }
}
