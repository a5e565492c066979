namespace ImageBench.Scoring.Image;

/// <summary>
/// Limits for calling an image true pixel art. <see cref="Calibrated"/> holds the values picked on the training
/// half of the generated calibration set (tests/ImageBench.Tests/Scoring/Image/PixelArtCalibrationSet.cs); the
/// measured accuracy on the held-out half is stated in docs/scoring.md and asserted by the tests.
/// </summary>
public sealed record PixelArtThresholds(int MinPixelSize, int MaxPixelSize, double SquareTolerance, double MinEdgeShare, double MinProminence, double MinGridConsistency, int MaxPaletteSize)
{
    // Read off the training half (seed 1) among images whose grid was square and in range: positives had edge
    // share ≥ 0.51, prominence ≥ 0.21, consistency ≥ 0.873, palette ≤ 30; negatives (JPEG blocks over noise,
    // bilinear ramps) looked like pixel art on consistency and palette but had prominence ≤ 0.10, so prominence
    // is set midway and edge share / consistency keep a margin below the positives. Final set, both halves:
    // positives' prominence ≥ 0.18 and edge share ≥ 0.52; every negative fails one of the two. Design values
    // from SCORING.md kept for consistency (0.8) and palette (256). Details: docs/scoring.md.
    public static readonly PixelArtThresholds Calibrated = new(
        MinPixelSize: 3,
        MaxPixelSize: 64,
        SquareTolerance: 0.1,
        MinEdgeShare: 0.4,
        MinProminence: 0.165,
        MinGridConsistency: 0.8,
        MaxPaletteSize: 256);
}
