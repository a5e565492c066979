using ImageBench.Attempts;
using ImageBench.Catalog;
using ImageBench.Emulator;
using ImageBench.Providers;
using ImageBench.Reporting;
using ImageBench.Running;
using ImageBench.Storage.Sqlite;
using ImageBench.Suites;
using ImageBench.Tests.Support;

namespace ImageBench.Tests.Running;

/// <summary>
/// The whole stack against an emulator that injects rate limits, server errors and refusals: every fault ends as
/// a retry recorded on its attempt or as a counted outcome — nothing is dropped, nothing crashes.
/// </summary>
public sealed class FaultInjectionRunTests : IDisposable
{
    private readonly TempDir _dir = new();

    [Fact]
    public async Task Injected_faults_are_retried_or_counted_and_reported()
    {
        var faults = new FailureInjection { RateLimitRate = 0.3, RetryAfterSeconds = 0.001, UnavailableRate = 0.2, RefusalRate = 0.25 };
        var options = EmulatorOptions.ArticleDefaults(0) with
        {
            Profiles = new Dictionary<string, ModelProfile>
            {
                ["gpt-image-2"] = new() { Latency = LatencyProfile.Instant, ImageFormat = "png", Failures = faults },
                ["flux-pro-1.1"] = new() { Latency = LatencyProfile.Instant, ImageFormat = "webp", Failures = faults },
            },
        };
        await using var emulator = await EmulatorServer.StartAsync(options);
        var yaml = "prompts:\n" + string.Concat(Enumerable.Range(0, 16).Select(i => $"  - id: p{i}\n    text: 'prompt number {i} \"SIGN {i}\"'\n"));
        var suitePath = Path.Combine(_dir.Path, "suite.yaml");
        await File.WriteAllTextAsync(suitePath, yaml);
        // Small images: the emulator draws each one, and drawing is not what this test is about.
        var modelsFile = Path.Combine(_dir.Path, "models.yaml");
        await File.WriteAllTextAsync(modelsFile, "models:\n  gpt-image-2:\n    size: 256x256\n  flux-1.1-pro:\n    size: 256x256\n");
        
        // Retries back off for a second or more unless the server says otherwise; keep backoff waits short here.
        using var http = ProviderRegistry.CreateHttpClient();
        using var providers = new ProviderRegistry(http, new ImageBench.Providers.Http.RetryPolicy(3, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10)));
        var session = new RunSession(TimeProvider.System, new FixedCredentialSource("k"), providers, SilentProgress.Instance);

        var result = await session.ExecuteAsync(new RunRequest { SuitePath = suitePath, ModelsFile = modelsFile, Models = ["gpt-image-2", "flux-1.1-pro"], OutDir = Path.Combine(_dir.Path, "run") },
            new EmulatorBinding(emulator.BaseUrl, 0), CancellationToken.None);

        var attempts = result.Report!.Attempts;
        Assert.Equal(32, attempts.Count);
        var refused = attempts.Where(a => a.Outcome == AttemptOutcome.Refused).ToList();
        Assert.NotEmpty(refused);
        Assert.Equal(emulator.Stats.Refusals, refused.Count);
        Assert.All(refused, a => Assert.False(string.IsNullOrWhiteSpace(a.Reason)));
        Assert.All(refused, a => Assert.Null(a.CostUsd));
        var retries = attempts.SelectMany(a => a.Retries).ToList();
        Assert.Equal(emulator.Stats.InjectedFailures, retries.Count);
        Assert.Contains(retries, r => r.HttpStatus == 429 && r.WaitSource == "retry-after-ms");
        Assert.Contains(retries, r => r.HttpStatus == 503);
        Assert.All(attempts.Where(a => a.Outcome == AttemptOutcome.Ok), a => Assert.True(a.RetryOverheadMs <= a.LatencyMs));
        Assert.Equal(32 - refused.Count, attempts.Count(a => a.Outcome == AttemptOutcome.Ok));

        var markdown = await File.ReadAllTextAsync(Path.Combine(_dir.Path, "run", ReportFiles.Markdown));
        foreach (var model in result.Report.Report.Models)
            Assert.Equal(attempts.Count(a => a.Model == model.Id && a.Outcome == AttemptOutcome.Refused), model.Stats.Refused);
        Assert.Contains("Refused", markdown, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
