using ImageBench.Attempts;
using ImageBench.Tests.Emulator;

namespace ImageBench.Tests.Providers.Recraft;

/// <summary>The real adapter against the started emulator (TimeScale 0), under /recraft/ and at the bare root.</summary>
public sealed class RecraftEmulatorTests
{
    [Theory]
    [InlineData("recraft/")]
    [InlineData("")] // what --emulator does: every model rebased onto the root, where the model name picks Recraft
    public async Task Adapter_runs_end_to_end_with_credits_as_cost(string basePath)
    {
        await using var server = await EmulatorFixture.StartAsync();
        var run = await EmulatedAdapterRun.GenerateAsync(server, EmulatedAdapterRun.Model(server, "recraft", "recraftv3", basePath: basePath), EmulatorFixture.Poster);

        EmulatedAdapterRun.AssertOk(run, server, [PhaseNames.Generating, PhaseNames.Download], "webp", 1024, 1024);
        Assert.Equal(0.04m, run.Result.ReportedCostUsd);
        Assert.Equal(1, server.Stats.Generations("recraft"));
        Assert.Equal(0, server.Stats.TotalOpenAIGenerations);
    }
}
