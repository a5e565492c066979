using ImageBench.Attempts;
using ImageBench.Catalog;
using ImageBench.Emulator;
using ImageBench.Providers;
using ImageBench.Running;
using ImageBench.Storage;
using ImageBench.Storage.Sqlite;
using ImageBench.Suites;
using ImageBench.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace ImageBench.Tests.Running;

/// <summary>
/// Runners on one ledger share a run instead of paying twice; a create held open by the provider (Replicate's
/// <c>Prefer: wait</c>) is marked sent before its first byte, so a Ctrl-C during it is counted on resume.
/// </summary>
public sealed class SharedRunTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero));

    private static readonly Suite Suite = SuiteLoader.Parse(
        "prompts:\n" + string.Concat(Enumerable.Range(0, 8).Select(i => $"  - id: p{i}\n    text: Prompt {i}\n")), "s.yaml");

    private static ModelEntry Model(string id, int concurrency = 2) => PricedModel.Of(id, concurrency, host: $"{id}.example");

    /// <summary>A provider that takes two fake seconds per call, so runners interleave on the shared clock.</summary>
    private ScriptedProvider SlowProvider() => new(_clock)
    {
        Script = async (_, rec, ct) =>
        {
            rec.BeginPhase(PhaseNames.Generating);
            await Task.Delay(TimeSpan.FromSeconds(2), _clock, ct);
            return new GenerationResult { Outcome = AttemptOutcome.Ok, ImageBytes = TestImages.Png() };
        },
    };

    private async Task<RunResult[]> RunTogetherAsync(int runners, ScriptedProvider provider, RunPlan plan, decimal? budget = null)
    {
        var stores = new List<SqliteRunStore>();
        for (var i = 0; i < runners; i++) stores.Add(await SqliteRunStore.OpenAsync(_dir.Path, _clock, CancellationToken.None));
        try
        {
            var tasks = stores.Select(store => Task.Run(() => new Runner(new ProviderRegistry([provider]), new FixedCredentialSource("k"), store,
                new ImageFileStore(_dir.Path), _clock, new RunnerOptions { BudgetUsd = budget }, SilentProgress.Instance).RunAsync(plan, "run-1", CancellationToken.None))).ToList();
            for (var step = 0; step < 5000 && !tasks.All(t => t.IsCompleted); step++)
            {
                _clock.Advance(TimeSpan.FromMilliseconds(250));
                await Task.WhenAny(Task.WhenAll(tasks), Task.Delay(2));
            }
            return await Task.WhenAll(tasks);
        }
        finally
        {
            foreach (var store in stores) await store.DisposeAsync();
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Runners_on_one_ledger_share_the_run_and_pay_for_each_slot_once(int runners)
    {
        var provider = SlowProvider();
        var plan = new RunPlan(Suite, [Model("m1"), Model("m2")], 2);

        var results = await RunTogetherAsync(runners, provider, plan);

        Assert.Equal(plan.Slots.Count, provider.Generated);
        Assert.Equal(plan.Slots.Count, results.Sum(r => r.Finished));
        Assert.True(results.Count(r => r.Finished > 0) >= 2, "the work was not shared: " + string.Join(", ", results.Select(r => r.Finished)));
        await using var store = await SqliteRunStore.OpenAsync(_dir.Path, _clock, CancellationToken.None);
        var ledger = await store.LoadLedgerAsync(CancellationToken.None);
        Assert.Equal((plan.Slots.Count, 0, RunStatus.Finished), (ledger.Done, ledger.SupersededAttempts, ledger.Status));
        Assert.All(await store.LoadAttemptsAsync(CancellationToken.None), a => Assert.Equal((AttemptOutcome.Ok, 0), (a.Outcome, a.InterruptedCalls)));
    }

    [Fact]
    public async Task Two_runners_never_overspend_one_budget_together()
    {
        var provider = SlowProvider();
        var plan = new RunPlan(Suite, [Model("m1", concurrency: 4)], 2);

        var results = await RunTogetherAsync(2, provider, plan, budget: 0.20m);

        Assert.Equal(5, provider.Generated); // 5 × $0.04 = $0.20: the sixth would pass the budget, whoever asks
        Assert.All(results, r => Assert.True(r.SpentUsd <= 0.20m));
        Assert.Equal(plan.Slots.Count - 5, results.Max(r => r.NotRunBudget));
    }

    [Fact]
    public async Task A_replicate_create_held_open_is_marked_sent_so_ctrl_c_then_resume_counts_the_lost_call()
    {
        var emulatorClock = new FakeTimeProvider(_clock.GetUtcNow());
        await using var emulator = await EmulatorServer.StartAsync(EmulatorOptions.ArticleDefaults(1.0) with { Time = emulatorClock });
        var model = ModelCatalog.Rebase(ModelCatalog.Load(null).Get("flux-1.1-pro@replicate"), emulator.BaseUrl) with { Concurrency = 1 };
        var suite = SuiteLoader.Parse("prompts:\n  - id: only\n    text: A lighthouse at dusk\n", "s.yaml");
        var plan = new RunPlan(suite, [model], 1);
        using var http = ProviderRegistry.CreateHttpClient();
        using var providers = new ProviderRegistry(http);

        async Task<RunResult> RunAsync(CancellationToken ct)
        {
            await using var store = await SqliteRunStore.OpenAsync(_dir.Path, CancellationToken.None);
            return await new Runner(providers, new FixedCredentialSource("r8-key"), store, new ImageFileStore(_dir.Path), TimeProvider.System,
                new RunnerOptions(), SilentProgress.Instance).RunAsync(plan, "run-1", ct);
        }

        // 1. The POST with Prefer: wait is held by the emulator (its clock does not move); the user presses Ctrl-C.
        using (var cts = new CancellationTokenSource())
        {
            var first = RunAsync(cts.Token);
            Assert.True(await Eventually.TrueAsync(() => emulator.Stats.TotalSubmits("replicate") == 1));
            await cts.CancelAsync();
            Assert.True((await first).Cancelled);
        }

        // 2. Resume: the slot says a create was sent and its answer lost, so the new one is counted, not hidden.
        var resumed = RunAsync(CancellationToken.None);
        while (!resumed.IsCompleted)
        {
            emulatorClock.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(resumed, Task.Delay(5));
        }
        await resumed;
        await using var check = await SqliteRunStore.OpenAsync(_dir.Path, CancellationToken.None);
        var attempt = Assert.Single(await check.LoadAttemptsAsync(CancellationToken.None));
        Assert.Equal(AttemptOutcome.Ok, attempt.Outcome);
        Assert.Equal(2, emulator.Stats.TotalSubmits("replicate"));
        Assert.Equal(1, attempt.InterruptedCalls);
    }

    public void Dispose() => _dir.Dispose();
}
