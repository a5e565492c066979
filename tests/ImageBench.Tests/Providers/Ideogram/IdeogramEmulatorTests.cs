using ImageBench.Attempts;
using ImageBench.Emulator;
using ImageBench.Tests.Emulator;

namespace ImageBench.Tests.Providers.Ideogram;

/// <summary>The real adapter against the started emulator (TimeScale 0).</summary>
public sealed class IdeogramEmulatorTests
{
    [Fact]
    public async Task Adapter_runs_end_to_end_and_keeps_its_api_key_off_the_delivery_host()
    {
        await using var server = await EmulatorFixture.StartAsync();
        var run = await EmulatedAdapterRun.GenerateAsync(server, EmulatedAdapterRun.Model(server, "ideogram", "ideogram-v3"), EmulatorFixture.Poster);

        EmulatedAdapterRun.AssertOk(run, server, [PhaseNames.Generating, PhaseNames.Download], "png", 1024, 1024);
        Assert.Equal(1, server.Stats.Deliveries);
        Assert.Equal(1, server.Stats.RequestsWithKey);
    }

    [Fact]
    public async Task Unsafe_answer_from_the_emulator_is_a_refusal()
    {
        await using var server = await EmulatorFixture.StartAsync(o => o.WithProfile("ideogram-v3", new ModelProfile { Failures = new FailureInjection { RefusalRate = 1 } }));
        var run = await EmulatedAdapterRun.GenerateAsync(server, EmulatedAdapterRun.Model(server, "ideogram", "ideogram-v3"), "p");
        Assert.Equal(AttemptOutcome.Refused, run.Result.Outcome);
        Assert.Equal(0, server.Stats.Deliveries);
    }
}
