using ImageBench.Attempts;
using ImageBench.Catalog;
using ImageBench.Providers;
using ImageBench.Running;
using ImageBench.Storage;
using ImageBench.Storage.Sqlite;
using ImageBench.Suites;
using ImageBench.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace ImageBench.Tests.Running;

/// <summary>What the executor makes of results that were paid for although no image came home.</summary>
public sealed class AttemptExecutorTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    private static readonly ModelEntry Model = PricedModel.Of();

    private async Task<Attempt> Run(Func<GenerationResult> script)
    {
        await using var store = await SqliteRunStore.OpenAsync(_dir.Path, CancellationToken.None);
        var provider = new ScriptedProvider(_clock) { Script = (_, _, _) => Task.FromResult(script()) };
        var executor = new AttemptExecutor(store, new ImageFileStore(_dir.Path), _clock, TimeSpan.FromMinutes(5));
        var slot = new PlannedSlot(Model, SuiteLoader.Parse("prompts:\n  - id: a\n    text: Prompt A\n", "s.yaml").Prompts[0], 0);
        var ran = await executor.RunAsync("run-1", slot, provider, new ApiKey("k"), Claim.Unowned(slot.Key), CancellationToken.None);
        Assert.True(ran?.Recorded);
        // What the store kept, which is what results.json and the report show.
        return Assert.Single(await store.LoadAttemptsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Unanswered_paid_calls_count_as_interrupted_calls()
    {
        var attempt = await Run(() => GenerationResult.Failed(AttemptOutcome.ProviderError, "network error: reset; may have been billed") with { UnansweredPaidCalls = 2 });

        Assert.Equal(2, attempt.InterruptedCalls);
        Assert.Equal(AttemptOutcome.ProviderError, attempt.Outcome);
    }

    [Fact]
    public async Task An_image_cut_short_was_still_billed_at_the_catalog_price_of_its_size()
    {
        var whole = TestImages.Png(1024, 1024);
        var attempt = await Run(() => new GenerationResult { Outcome = AttemptOutcome.Ok, ImageBytes = whole[..(whole.Length - 20)] });

        Assert.Equal(AttemptOutcome.InvalidResponse, attempt.Outcome);
        Assert.Contains("cut short", attempt.Reason, StringComparison.Ordinal);
        Assert.Equal((0.04m, CostSources.CatalogAnswerLost), (attempt.CostUsd, attempt.CostSource));
    }

    public void Dispose() => _dir.Dispose();
}
