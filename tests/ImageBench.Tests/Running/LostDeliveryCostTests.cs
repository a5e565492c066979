using ImageBench.Attempts;
using ImageBench.Catalog;
using ImageBench.Emulator.Faults;
using ImageBench.Providers;
using ImageBench.Running;
using ImageBench.Storage;
using ImageBench.Storage.Sqlite;
using ImageBench.Suites;
using ImageBench.Tests.Emulator.Faults;
using ImageBench.Tests.Support;

namespace ImageBench.Tests.Running;

/// <summary>A job the provider finished and handed a result URL for was made and billed, even when that URL cannot be fetched.</summary>
public sealed class LostDeliveryCostTests : IDisposable
{
    private readonly TempDir _dir = new();

    [Theory]
    [InlineData(FaultKind.ExpiredUrl)]
    [InlineData(FaultKind.GoneUrl)]
    public async Task A_finished_job_whose_image_url_is_dead_is_priced_as_billed_not_free(FaultKind kind)
    {
        await using var emulator = await FaultLab.StartAsync("flux-pro-1.1", kind, FaultSite.Delivery);
        var model = ModelCatalog.Rebase(ModelCatalog.Load(null).Get("flux-1.1-pro"), emulator.BaseUrl) with { PollInterval = TimeSpan.FromMilliseconds(1) };
        var plan = new RunPlan(SuiteLoader.Parse("prompts:\n  - id: only\n    text: A lighthouse\n", "s.yaml"), [model], 1);
        using var http = ProviderRegistry.CreateHttpClient();
        using var providers = new ProviderRegistry(http, ImageBench.Providers.Http.RetryPolicy.Default with { BaseDelay = TimeSpan.Zero });
        await using var store = await SqliteRunStore.OpenAsync(_dir.Path, CancellationToken.None);

        await new Runner(providers, new FixedCredentialSource("bfl-key"), store, new ImageFileStore(_dir.Path), TimeProvider.System,
            new RunnerOptions { AttemptTimeout = TimeSpan.FromSeconds(30) }, SilentProgress.Instance).RunAsync(plan, "run-1", CancellationToken.None);

        var attempt = Assert.Single(await store.LoadAttemptsAsync(CancellationToken.None));
        Assert.Equal(AttemptOutcome.ProviderError, attempt.Outcome);
        Assert.Null(attempt.Image);
        Assert.Equal((0.04m, CostSources.CatalogAnswerLost), (attempt.CostUsd, attempt.CostSource));
    }

    public void Dispose() => _dir.Dispose();
}
