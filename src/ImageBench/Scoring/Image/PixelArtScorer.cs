using System.Text.Json.Nodes;
using ImageBench.Suites;

namespace ImageBench.Scoring.Image;

/// <summary>
/// Is the image true pixel art (a grid of flat square cells in a small palette), and at what pixel size? Models
/// asked for "pixel art" often paint something pixel-flavoured but smooth; this tells the two apart.
/// </summary>
public sealed class PixelArtScorer(PixelArtThresholds thresholds) : IImageScorer
{
    public PixelArtScorer() : this(PixelArtThresholds.Calibrated)
    {
    }

    public string Name => "pixel-art";
    public string Version => "1";

    public bool AppliesTo(Expectations expect) => AsksForPixelArt(expect);

    public static bool AsksForPixelArt(Expectations expect) =>
        expect.Style?.Contains("pixel", StringComparison.OrdinalIgnoreCase) == true;

    public ScoreResult Score(ScoringImage image, Expectations expect, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var m = PixelArtMeasurement.Of(image);
        var (isPixelArt, reason) = m.Judge(thresholds);
        var metrics = new Dictionary<string, double>
        {
            ["is_pixel_art"] = isPixelArt ? 1 : 0,
            ["pixel_size"] = m.PixelSize,
            ["grid_consistency"] = m.GridConsistency,
            ["palette_size"] = m.PaletteSize,
            ["grid_edge_share"] = m.EdgeShare,
            ["grid_prominence"] = m.Prominence,
            ["raw_palette_size"] = m.RawPaletteSize,
        };
        var details = new JsonObject
        {
            ["verdict"] = isPixelArt ? "pixel art" : "not pixel art",
            ["reason"] = reason,
            ["period_x"] = m.PeriodX,
            ["period_y"] = m.PeriodY,
            ["offset_x"] = m.OffsetX,
            ["offset_y"] = m.OffsetY,
            ["edge_share_x"] = m.EdgeShareX,
            ["edge_share_y"] = m.EdgeShareY,
        };
        return new ScoreResult(Name, Version, metrics, details, AsksForPixelArt(expect) ? isPixelArt : null);
    }
}
