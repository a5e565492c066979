using ImageBench.Attempts;
using ImageBench.Tests.Emulator;

namespace ImageBench.Tests.Providers.Stability;

/// <summary>The real adapter against the started emulator (TimeScale 0), in both answer forms.</summary>
public sealed class StabilityEmulatorTests
{
    [Theory]
    [InlineData("image/*")]
    [InlineData("application/json")]
    public async Task Adapter_runs_end_to_end(string accept)
    {
        await using var server = await EmulatorFixture.StartAsync();
        var model = EmulatedAdapterRun.Model(server, "stability", "stable-image-core", new Dictionary<string, string> { ["accept"] = accept, ["output_format"] = "webp" });

        var run = await EmulatedAdapterRun.GenerateAsync(server, model, EmulatorFixture.Poster, 1536, 1024);

        EmulatedAdapterRun.AssertOk(run, server, [PhaseNames.Generating, PhaseNames.Download], "webp", 1280, 832);
        Assert.Equal(1, server.Stats.Generations("stability"));
        Assert.True(ulong.TryParse(run.Result.Seed, System.Globalization.CultureInfo.InvariantCulture, out _), $"seed '{run.Result.Seed}' (header or JSON field)");
    }

    [Fact]
    public async Task Moderation_403_from_the_emulator_is_a_refusal()
    {
        await using var server = await EmulatorFixture.StartAsync(o => o.WithProfile("stable-image-ultra",
            new ImageBench.Emulator.ModelProfile { Failures = new ImageBench.Emulator.FailureInjection { RefusalRate = 1 } }));
        var run = await EmulatedAdapterRun.GenerateAsync(server, EmulatedAdapterRun.Model(server, "stability", "stable-image-ultra"), "p");
        Assert.Equal(AttemptOutcome.Refused, run.Result.Outcome);
        Assert.Equal(403, run.Result.HttpStatus);
    }
}
