using ImageBench.Scoring;

namespace ImageBench.Tests.Scoring.Image;

internal static class Load
{
    public static ScoringImage Image(byte[] bytes) =>
        ScoringImage.Load(bytes, out var error) ?? throw new InvalidOperationException(error);
}
