using ImageBench.Attempts;
using ImageBench.Emulator;
using ImageBench.Images;
using ImageBench.Tests.Emulator;

namespace ImageBench.Tests.Providers.Fal;

/// <summary>The real fal adapter against the emulator's fal queue, end to end over HTTP.</summary>
public sealed class FalEmulatorTests
{
    private const string App = "fal-ai/flux-pro/v1.1";

    [Fact]
    public async Task Adapter_runs_end_to_end_at_time_scale_zero()
    {
        await using var e = await EmulatedAdapter.StartAsync();
        var rec = e.NewRecorder();

        var result = await e.GenerateAsync(e.Model("fal", App), EmulatorFixture.Poster, rec, 1024, 768);

        Assert.Equal(AttemptOutcome.Ok, result.Outcome);
        var facts = ImageInspector.Inspect(result.ImageBytes!).Facts!;
        Assert.Equal(("jpeg", 1024, 768), (facts.Format, facts.Width, facts.Height)); // the profile's format, the asked size
        Assert.Equal("image/jpeg", result.DeclaredContentType);
        Assert.NotNull(result.ServerMs);
        Assert.Equal("timings.inference", result.ServerMsSource);
        var job = Assert.Single(e.SubmittedJobs);
        Assert.Equal(job.JobId, result.ProviderRequestId);
        Assert.EndsWith($"fal-ai/flux-pro/requests/{job.JobId}/status", job.PollUrl, StringComparison.Ordinal);
        var (phases, _) = rec.Stop();
        Assert.Equal([PhaseNames.Submit, PhaseNames.Queued, PhaseNames.Download], phases.Select(p => p.Name));
        Assert.Equal(1, e.Server.Stats.Submits("fal", App));
        Assert.Equal(1, e.Server.Stats.Deliveries);
        Assert.Equal(0, e.Server.Stats.DeliveriesWithCredentials);
    }

    [Fact]
    public async Task Queue_then_progress_then_download_with_inference_time_on_a_stepping_clock()
    {
        await using var e = await EmulatedAdapter.StartStepped(App, 10);
        var rec = e.NewRecorder();

        var result = await e.GenerateAsync(e.Model("fal", App), "a \"HELLO\" sign", rec);

        Assert.Equal(AttemptOutcome.Ok, result.Outcome);
        Assert.Equal(9000, result.ServerMs!.Value, 0); // 10 s job, the first tenth queued
        var (phases, latency) = rec.Stop();
        Assert.Equal([PhaseNames.Submit, PhaseNames.Queued, PhaseNames.Generating, PhaseNames.Download], phases.Select(p => p.Name));
        // Polls every 500 ms: queued until the poll after 1 s says IN_PROGRESS, done at the poll after 10 s.
        Assert.Equal(1000, phases[1].DurationMs, 0);
        Assert.Equal(9000, phases[2].DurationMs, 0);
        Assert.Equal(10_000, latency, 0);
        Assert.Equal(0, e.Server.Stats.DeliveriesWithCredentials);
    }

    [Fact]
    public async Task Refused_prompt_comes_back_as_an_output_moderation_refusal()
    {
        await using var e = await EmulatedAdapter.StartStepped(App, 1, new FailureInjection { RefusalRate = 1 });

        var result = await e.GenerateAsync(e.Model("fal", App), "p", e.NewRecorder());

        Assert.Equal(AttemptOutcome.Refused, result.Outcome);
        Assert.Contains("has_nsfw_concepts", result.Reason, StringComparison.Ordinal);
        Assert.Null(result.ImageBytes);
        Assert.Equal(0, e.Server.Stats.Deliveries); // a blanked image is not worth fetching
    }

    [Fact]
    public async Task Rate_limit_is_retried_after_the_servers_wait()
    {
        await using var e = await EmulatedAdapter.StartStepped(App, 1, new FailureInjection { RateLimitRate = 1, RetryAfterSeconds = 2 });
        var rec = e.NewRecorder();

        var result = await e.GenerateAsync(e.Model("fal", App), "p", rec);

        Assert.Equal(AttemptOutcome.Ok, result.Outcome);
        var retry = Assert.Single(rec.Retries);
        Assert.Equal((429, PhaseNames.Submit, 2000.0), (retry.HttpStatus!.Value, retry.Phase, retry.WaitMs));
    }
}
