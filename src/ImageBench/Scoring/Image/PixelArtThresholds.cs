namespace ImageBench.Scoring.Image;

/// <summary>
/// Limits for calling an image true pixel art. <see cref="Calibrated"/> holds the values picked on the training
/// half of the generated calibration set (tests/ImageBench.Tests/Scoring/Image/PixelArtCalibrationSet.cs); the
/// measured accuracy on the held-out half is stated in docs/scoring.md and asserted by the tests.
/// </summary>
public sealed record PixelArtThresholds(int MinPixelSize, int MaxPixelSize, double SquareTolerance, double MinEdgeShare, double MinProminence, double MinGridConsistency, int MaxPaletteSize)
{
    // Training half (seed 1, 24 positives + 24 negatives), among images whose grid was found square and in range:
    // positives had edge share ≥ 0.51, prominence ≥ 0.21, consistency ≥ 0.873 and cell palette ≤ 30;
    // negatives had prominence ≤ 0.10 on the weaker axis (JPEG blocks over noise, bilinear ramps: consistency 0.78–1.0,
    // palette ≤ 41, i.e. pixel-art-like on everything else).
    // Prominence is the separating feature, set midway; the others keep a margin below the positives' minimum
    // (edge share, consistency) or keep the design values from SCORING.md (consistency 0.8, palette 256).
    public static readonly PixelArtThresholds Calibrated = new(
        MinPixelSize: 3,
        MaxPixelSize: 64,
        SquareTolerance: 0.1,
        MinEdgeShare: 0.4,
        MinProminence: 0.165,
        MinGridConsistency: 0.8,
        MaxPaletteSize: 256);
}
