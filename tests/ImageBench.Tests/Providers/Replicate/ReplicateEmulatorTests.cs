using ImageBench.Attempts;
using ImageBench.Emulator;
using ImageBench.Images;
using ImageBench.Tests.Emulator;

namespace ImageBench.Tests.Providers.Replicate;

/// <summary>The real Replicate adapter against the emulator's predictions API, in sync (Prefer: wait) and polling mode.</summary>
public sealed class ReplicateEmulatorTests
{
    private const string Model = "black-forest-labs/flux-1.1-pro";

    [Fact]
    public async Task Sync_mode_runs_end_to_end_at_time_scale_zero()
    {
        await using var e = await EmulatedAdapter.StartAsync();
        var rec = e.NewRecorder();

        var result = await e.GenerateAsync(e.Model("replicate", Model), EmulatorFixture.Poster, rec, 1024, 576);

        Assert.Equal(AttemptOutcome.Ok, result.Outcome);
        var facts = ImageInspector.Inspect(result.ImageBytes!).Facts!;
        Assert.Equal("webp", facts.Format); // the profile's format: Replicate's FLUX default
        Assert.Equal((1376, 768), (facts.Width, facts.Height)); // sent as aspect_ratio 16:9, drawn at about 1 MP
        Assert.NotNull(result.ServerMs);
        Assert.Equal("metrics.predict_time", result.ServerMsSource);
        Assert.Equal("16:9", (string)result.Request!["input"]!["aspect_ratio"]!);
        var job = Assert.Single(e.SubmittedJobs);
        Assert.Equal(job.JobId, result.ProviderRequestId);
        Assert.Equal(new Uri(e.Server.BaseUrl, "v1/predictions/" + job.JobId).AbsoluteUri, job.PollUrl);
        var (phases, _) = rec.Stop();
        Assert.Equal([PhaseNames.Generating, PhaseNames.Download], phases.Select(p => p.Name));
        Assert.Equal(1, e.Server.Stats.Submits("replicate", Model));
        Assert.Equal(0, e.Server.Stats.Polls); // the output came with the 201
        Assert.Equal(1, e.Server.Stats.Deliveries);
        Assert.Equal(0, e.Server.Stats.DeliveriesWithCredentials);
    }

    [Fact]
    public async Task Polling_mode_goes_starting_processing_succeeded_on_a_stepping_clock()
    {
        await using var e = await EmulatedAdapter.StartStepped(Model, 10);
        var rec = e.NewRecorder();

        var result = await e.GenerateAsync(e.Model("replicate", Model, new Dictionary<string, string> { ["wait"] = "false" }), "p", rec);

        Assert.Equal(AttemptOutcome.Ok, result.Outcome);
        Assert.Equal(9000, result.ServerMs!.Value, 0);
        var (phases, latency) = rec.Stop();
        Assert.Equal([PhaseNames.Submit, PhaseNames.Queued, PhaseNames.Generating, PhaseNames.Download], phases.Select(p => p.Name));
        Assert.Equal(1000, phases[1].DurationMs, 0);
        Assert.Equal(9000, phases[2].DurationMs, 0);
        Assert.Equal(10_000, latency, 0);
        Assert.Equal(20, e.Server.Stats.Polls);
        Assert.Equal(0, e.Server.Stats.DeliveriesWithCredentials);
    }

    [Fact]
    public async Task Sync_wait_that_runs_out_falls_back_to_polling()
    {
        await using var e = await EmulatedAdapter.StartStepped(Model, 10);
        var rec = e.NewRecorder();

        var result = await e.GenerateAsync(e.Model("replicate", Model, new Dictionary<string, string> { ["wait"] = "4" }), "p", rec);

        Assert.Equal(AttemptOutcome.Ok, result.Outcome);
        var (phases, latency) = rec.Stop();
        // The POST is held 4 s (generation already under way), then polling carries on to the 10 s finish.
        Assert.Equal([PhaseNames.Generating, PhaseNames.Download], phases.Select(p => p.Name));
        Assert.Equal(10_000, latency, 0);
        Assert.Equal(12, e.Server.Stats.Polls);
    }

    [Fact]
    public async Task Flagged_prediction_is_a_refusal()
    {
        await using var e = await EmulatedAdapter.StartStepped(Model, 2, new FailureInjection { RefusalRate = 1 });

        var result = await e.GenerateAsync(e.Model("replicate", Model), "p", e.NewRecorder());

        Assert.Equal(AttemptOutcome.Refused, result.Outcome);
        Assert.Contains("flagged as sensitive", result.Reason, StringComparison.Ordinal);
        Assert.Equal(0, e.Server.Stats.Deliveries);
    }
}
