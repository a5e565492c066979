using ImageBench.Attempts;
using ImageBench.Emulator;
using ImageBench.Tests.Emulator;

namespace ImageBench.Tests.Providers.OpenRouter;

/// <summary>The real adapter against the started emulator (TimeScale 0).</summary>
public sealed class OpenRouterEmulatorTests
{
    [Fact]
    public async Task Adapter_runs_end_to_end_with_cost_from_the_answer()
    {
        await using var server = await EmulatorFixture.StartAsync();
        var model = EmulatedAdapterRun.Model(server, "openrouter", "google/gemini-2.5-flash-image");

        var run = await EmulatedAdapterRun.GenerateAsync(server, model, EmulatorFixture.Poster);

        EmulatedAdapterRun.AssertOk(run, server, [PhaseNames.Generating, PhaseNames.Download], "png", 1024, 1024);
        Assert.True(run.Result.ReportedCostUsd > 0.03m);
        Assert.Equal(1290, run.Result.Usage!.OutputImageTokens);
        Assert.Equal(1, server.Stats.Generations("openrouter"));
        Assert.Equal(0, server.Stats.Deliveries); // the image came inline
    }

    [Fact]
    public async Task Refused_prompt_comes_back_as_a_refusal()
    {
        await using var server = await EmulatorFixture.StartAsync(o => o.WithProfile("google/gemini-2.5-flash-image",
            new ModelProfile { Failures = new FailureInjection { RefusalRate = 1 } }));
        var run = await EmulatedAdapterRun.GenerateAsync(server, EmulatedAdapterRun.Model(server, "openrouter", "google/gemini-2.5-flash-image"), "p");
        Assert.Equal(AttemptOutcome.Refused, run.Result.Outcome);
        Assert.Contains("IMAGE_SAFETY", run.Result.Reason, StringComparison.Ordinal);
    }
}
