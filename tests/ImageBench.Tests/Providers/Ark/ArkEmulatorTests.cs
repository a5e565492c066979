using ImageBench.Attempts;
using ImageBench.Emulator;
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

    [Theory]
    [InlineData("ark", "seedream-4-0-250828", 429)]
    [InlineData("stability", "stable-image-core", 503)]
    [InlineData("recraft", "recraftv3", 503)]
    [InlineData("openrouter", "google/gemini-2.5-flash-image", 429)]
    public async Task Injected_transient_faults_are_retried_in_the_generating_phase(string family, string upstream, int status)
    {
        var failures = status == 429
            ? new FailureInjection { RateLimitRate = 1, RetryAfterSeconds = 0 }
            : new FailureInjection { UnavailableRate = 1 };
        await using var server = await EmulatorFixture.StartAsync(o => o.WithProfile(upstream, new ModelProfile { ImageFormat = "png", Failures = failures }));
        var run = await EmulatedAdapterRun.GenerateAsync(server, EmulatedAdapterRun.Model(server, family, upstream), "p");

        Assert.True(run.Result.Outcome == AttemptOutcome.Ok, run.Result.Reason);
        var retry = Assert.Single(run.Recorder.Retries);
        Assert.Equal((PhaseNames.Generating, status), (retry.Phase, retry.HttpStatus));
        Assert.Equal(1, server.Stats.InjectedFailures);
    }

    [Fact]
    public async Task An_injected_server_error_on_the_paid_call_is_reported_not_resent()
    {
        // A 500 may come after the image was started (and billed): sending the POST again could pay twice.
        await using var server = await EmulatorFixture.StartAsync(o => o.WithProfile("stable-image-core",
            new ModelProfile { ImageFormat = "png", Failures = new FailureInjection { ServerErrorRate = 1 } }));
        var run = await EmulatedAdapterRun.GenerateAsync(server, EmulatedAdapterRun.Model(server, "stability", "stable-image-core"), "p");

        Assert.Equal((AttemptOutcome.ProviderError, 500), (run.Result.Outcome, run.Result.HttpStatus));
        Assert.Empty(run.Recorder.Retries);
        Assert.Equal(1, server.Stats.InjectedFailures);
    }
}
