using ImageBench.Attempts;
using ImageBench.Tests.Emulator;

namespace ImageBench.Tests.Providers.Ark;

/// <summary>The real adapter against the started emulator (TimeScale 0).</summary>
public sealed class ArkEmulatorTests
{
    [Fact]
    public async Task Adapter_runs_end_to_end_and_fetches_the_url_without_the_key()
    {
        await using var server = await EmulatorFixture.StartAsync();
        var run = await EmulatedAdapterRun.GenerateAsync(server, EmulatedAdapterRun.Model(server, "ark", "seedream-4-0-250828"), EmulatorFixture.Poster, 1024, 1024);

        EmulatedAdapterRun.AssertOk(run, server, [PhaseNames.Generating, PhaseNames.Download], "jpeg", 1024, 1024);
        Assert.Equal(1024 * 1024 / 256, run.Result.Usage!.OutputTokens);
        Assert.Equal(1, server.Stats.Deliveries);
    }
}
