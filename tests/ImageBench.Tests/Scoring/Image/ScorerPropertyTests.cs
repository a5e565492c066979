using CsCheck;
using ImageBench.Scoring.Image;
using ImageBench.Suites;

namespace ImageBench.Tests.Scoring.Image;

public sealed class ScorerPropertyTests
{
    /// <summary>Random small images, down to 1×1: every metric is a finite number and no scorer throws.</summary>
    [Fact]
    public void Every_metric_is_finite_for_random_small_images()
    {
        var expect = new Expectations { Style = "pixel-art", Lighting = "from the left" };
        Gen.Select(Gen.Int[1, 40], Gen.Int[1, 40], Gen.Int, Gen.Int[0, 2]).Sample((w, h, seed, kind) =>
        {
            var random = new Random(seed);
            var rgba = new byte[w * h * 4];
            random.NextBytes(rgba);
            if (kind == 1)
                Array.Fill(rgba, (byte)random.Next(256));
            for (int i = 3; i < rgba.Length; i += 4)
                rgba[i] = 255;
            var image = Load.Image(SyntheticImages.EncodeRgba(rgba, w, h));
            foreach (var scorer in WeightFreeScorers.All)
            {
                var result = scorer.Score(image, expect, default);
                Assert.Null(result.Error);
                Assert.All(result.Metrics, m => Assert.True(double.IsFinite(m.Value), $"{scorer.Name}.{m.Key} = {m.Value} on {w}x{h}"));
            }
            _ = PerceptualHash.Of(image);
        }, iter: 60);
    }
}
