namespace ImageBench.Scoring.Image;

/// <summary>Every scorer that needs no model weights, no network and no GPU: cheap enough to run on each image.</summary>
public static class WeightFreeScorers
{
    public static IReadOnlyList<IImageScorer> All { get; } =
    [
        new PixelArtScorer(),
        new SharpnessScorer(),
        new NoiseScorer(),
        new ColourfulnessScorer(),
        new LightDirectionScorer(),
    ];
}
