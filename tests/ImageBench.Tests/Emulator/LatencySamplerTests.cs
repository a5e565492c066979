using ImageBench.Emulator;
using ImageBench.Emulator.Randomness;

namespace ImageBench.Tests.Emulator;

public sealed class LatencySamplerTests
{
    public static TheoryData<string> ArticleModels => ["gpt-image-2", "flux-pro-1.1"];

    [Theory]
    [MemberData(nameof(ArticleModels))]
    public void Ten_thousand_samples_stay_in_range_with_the_article_mean(string model)
    {
        var profile = EmulatorOptions.ArticleDefaults(1).Profiles[model].Latency;
        var random = new DeterministicRandom(42);
        var samples = Enumerable.Range(0, 10_000).Select(_ => LatencySampler.SampleSeconds(profile, random)).ToList();

        Assert.All(samples, s => Assert.InRange(s, profile.MinSeconds, profile.MaxSeconds));
        Assert.InRange(samples.Average(), profile.MeanSeconds * 0.98, profile.MeanSeconds * 1.02);
        // Not a constant: the spread covers a good part of the range.
        Assert.True(samples.Max() - samples.Min() > (profile.MaxSeconds - profile.MinSeconds) * 0.5);
    }

    [Fact]
    public void Gamma_sampler_has_the_right_mean_for_shapes_below_and_above_one()
    {
        var random = new DeterministicRandom(7);
        foreach (double shape in new[] { 0.5, 2.0, 5.0 })
        {
            double mean = Enumerable.Range(0, 20_000).Average(_ => LatencySampler.SampleGamma(shape, random));
            Assert.InRange(mean, shape * 0.96, shape * 1.04);
        }
    }

    [Fact]
    public void Same_seed_same_samples()
    {
        var profile = new LatencyProfile(6.4, 5.6, 8.3);
        var a = new DeterministicRandom(DeterministicRandom.Hash(42, "flux-pro-1.1", "prompt", 0));
        var b = new DeterministicRandom(DeterministicRandom.Hash(42, "flux-pro-1.1", "prompt", 0));
        Assert.Equal(LatencySampler.SampleSeconds(profile, a), LatencySampler.SampleSeconds(profile, b));
    }
}
