using ImageBench.Attempts;
using ImageBench.Catalog;
using ImageBench.Emulator;
using ImageBench.Images;
using ImageBench.Providers;
using ImageBench.Providers.Http;

namespace ImageBench.Tests.Providers;

/// <summary>
/// Runs a real adapter, through the real shared HttpClient, against a started emulator at TimeScale 0, and checks
/// what every family's end-to-end test must hold: ok, a valid image, phases in order, no key on the delivery host.
/// </summary>
internal static class EmulatedAdapterRun
{
    public sealed record Run(GenerationResult Result, IReadOnlyList<PhaseTiming> Phases, ImageFacts? Facts, AttemptRecorder Recorder);

    public static ModelEntry Model(EmulatorServer server, string provider, string upstream, IReadOnlyDictionary<string, string>? options = null, string basePath = "") =>
        ProviderHarness.Model(provider, upstream, new Uri(server.BaseUrl, basePath).AbsoluteUri, options) with { PollInterval = TimeSpan.FromMilliseconds(1) };

    public static async Task<Run> GenerateAsync(EmulatorServer server, ModelEntry model, string prompt, int width = 1024, int height = 1024)
    {
        // Real client and handler; zero backoff so injected faults are retried without the test waiting.
        using var http = ProviderRegistry.CreateHttpClient();
        using var registry = new ProviderRegistry(http, RetryPolicy.Default with { BaseDelay = TimeSpan.Zero });
        var recorder = new AttemptRecorder(TimeProvider.System);
        var request = new GenerationRequest(model, prompt, width, height, new ApiKey("emu-secret-key"));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var result = await registry.For(model.Provider).GenerateAsync(request, recorder, cts.Token);
        var (phases, _) = recorder.Stop();
        var facts = result.ImageBytes is { } bytes ? ImageInspector.Inspect(bytes).Facts : null;
        return new Run(result, phases, facts, recorder);
    }

    /// <summary>The assertions every family's happy path shares.</summary>
    public static void AssertOk(Run run, EmulatorServer server, string[] phases, string format, int width, int height)
    {
        Assert.True(run.Result.Outcome == AttemptOutcome.Ok, $"{run.Result.Outcome}: {run.Result.Reason}");
        Assert.NotNull(run.Facts);
        Assert.Equal((format, width, height), (run.Facts!.Format, run.Facts.Width, run.Facts.Height));
        Assert.Equal(phases, run.Phases.Select(p => p.Name));
        for (int i = 1; i < run.Phases.Count; i++)
            Assert.True(run.Phases[i].StartMs >= run.Phases[i - 1].StartMs, "phases out of order");
        Assert.All(run.Phases, p => Assert.True(p.DurationMs >= 0));
        Assert.Equal(0, server.Stats.DeliveriesWithCredentials);
        Assert.Empty(run.Recorder.Retries);
        Assert.DoesNotContain("emu-secret-key", run.Result.Request!.ToJsonString(), StringComparison.Ordinal);
    }
}
