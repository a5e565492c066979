using System.Text.Json;
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

public sealed class RunnerTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    private static readonly Suite Suite = SuiteLoader.Parse("prompts:\n  - id: a\n    text: Prompt A\n  - id: b\n    text: Prompt B\n  - id: c\n    text: Prompt C\n", "s.yaml");

    private static ModelEntry Model(string id = "m1", int concurrency = 1) => PricedModel.Of(id, concurrency);

    private async Task<(RunResult, IReadOnlyList<Attempt>, List<Attempt>)> Run(ScriptedProvider provider, RunPlan plan, RunnerOptions? options = null, CancellationToken ct = default)
    {
        await using var store = await SqliteRunStore.OpenAsync(_dir.Path, CancellationToken.None);
        var progress = new RecordingProgress();
        var runner = new Runner(new ProviderRegistry([provider]), new FixedCredentialSource("sk-secret-runner-test"), store,
            new ImageFileStore(_dir.Path), _clock, options ?? new RunnerOptions(), progress);
        var result = await runner.RunAsync(plan, "run-1", ct);
        return (result, await store.LoadAttemptsAsync(CancellationToken.None), progress.Finished);
    }

    [Fact]
    public async Task Every_slot_ends_in_one_stored_attempt_with_exact_phases()
    {
        var provider = new ScriptedProvider(_clock);
        var (result, attempts, finished) = await Run(provider, new RunPlan(Suite, [Model()], 2));

        Assert.Equal(6, result.Finished);
        Assert.Equal(6, attempts.Count);
        Assert.Equal(6, finished.Count);
        var a = attempts.Single(x => x.PromptId == "b" && x.Repeat == 1);
        Assert.Equal(AttemptOutcome.Ok, a.Outcome);
        Assert.Equal(1600, a.LatencyMs, 3);
        Assert.Equal([("generating", 0.0, 1500.0), ("download", 1500.0, 100.0)], a.Phases.Select(p => (p.Name, p.StartMs, p.DurationMs)));
        Assert.Equal(1400, a.ServerMs);
        Assert.Equal(("png", 16, 16), (a.Image!.Format, a.Image.Width, a.Image.Height));
        Assert.Equal((0.04m, CostSources.CatalogPerImage), (a.CostUsd, a.CostSource));
        Assert.True(File.Exists(Path.Combine(_dir.Path, a.ImagePath!)));
    }

    [Fact]
    public async Task Budget_stops_before_the_next_call_would_exceed_it()
    {
        var provider = new ScriptedProvider(_clock);
        var (result, attempts, _) = await Run(provider, new RunPlan(Suite, [Model()], 2), new RunnerOptions { BudgetUsd = 0.10m });

        Assert.Equal(2, attempts.Count);
        Assert.Equal(2, provider.Generated);
        Assert.Equal(4, result.NotRunBudget);
        Assert.Equal(0.08m, result.SpentUsd);
    }

    [Fact]
    public async Task Timeout_becomes_a_recorded_attempt()
    {
        var provider = new ScriptedProvider(_clock)
        {
            Script = async (_, rec, ct) =>
            {
                rec.BeginPhase(PhaseNames.Generating);
                _clock.Advance(TimeSpan.FromSeconds(31));
                await Task.Delay(Timeout.InfiniteTimeSpan, _clock, ct);
                throw new InvalidOperationException("unreachable");
            },
        };
        var (_, attempts, _) = await Run(provider, new RunPlan(Suite, [Model()], 1), new RunnerOptions { AttemptTimeout = TimeSpan.FromSeconds(30) });

        Assert.All(attempts, a => Assert.Equal(AttemptOutcome.Timeout, a.Outcome));
        Assert.Contains("30 s attempt timeout (in phase generating)", attempts[0].Reason, StringComparison.Ordinal);
        Assert.Equal(31_000, attempts[0].LatencyMs, 3);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("absurd")]
    [InlineData("throws")]
    [InlineData("empty")]
    public async Task Garbage_from_a_provider_is_a_recorded_failure_not_a_crash(string kind)
    {
        var provider = new ScriptedProvider(_clock)
        {
            Script = (_, _, _) => kind switch
            {
                "garbage" => Task.FromResult(new GenerationResult { Outcome = AttemptOutcome.Ok, ImageBytes = "<html>oops</html>"u8.ToArray() }),
                "absurd" => Task.FromResult(new GenerationResult { Outcome = AttemptOutcome.Ok, ImageBytes = TestImages.PngClaiming(10_000, 10_000) }),
                "empty" => Task.FromResult(new GenerationResult { Outcome = AttemptOutcome.Ok }),
                _ => throw new JsonException("unexpected token '<'"),
            },
        };
        var (_, attempts, _) = await Run(provider, new RunPlan(Suite, [Model()], 1));

        Assert.Equal(3, attempts.Count);
        Assert.All(attempts, a => Assert.Equal(AttemptOutcome.InvalidResponse, a.Outcome));
        Assert.All(attempts, a => Assert.False(string.IsNullOrWhiteSpace(a.Reason)));
        Assert.All(attempts, a => Assert.Null(a.CostUsd));
        if (kind == "absurd") Assert.Contains("10000", attempts[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_echoed_by_the_provider_is_redacted()
    {
        var provider = new ScriptedProvider(_clock)
        {
            Script = (_, _, _) => Task.FromResult(GenerationResult.Failed(AttemptOutcome.ProviderError, "Incorrect API key provided: sk-secret-runner-test.", 401)),
        };
        var (_, attempts, _) = await Run(provider, new RunPlan(Suite, [Model()], 1));

        Assert.All(attempts, a => Assert.Equal("Incorrect API key provided: [redacted].", a.Reason));
    }

    [Fact]
    public async Task Resume_skips_done_slots_and_polls_submitted_jobs_instead_of_paying_again()
    {
        var model = Model();
        await using (var store = await SqliteRunStore.OpenAsync(_dir.Path, CancellationToken.None))
        {
            await store.SaveAttemptAsync(new Attempt { RunId = "run-1", Model = "m1", PromptId = "a", Repeat = 0, Outcome = AttemptOutcome.Ok, LatencyMs = 5 }, CancellationToken.None);
            await store.SaveJobAsync(new SlotKey("m1", "b", 0), new JobHandle("job-b", "https://api.example/v1/get_result?id=job-b"), CancellationToken.None);
        }
        var provider = new ScriptedProvider(_clock);
        var (result, attempts, _) = await Run(provider, new RunPlan(Suite, [model], 1));

        Assert.Equal(2, result.Finished);
        Assert.Equal(1, provider.Resumed);
        Assert.Equal(1, provider.Generated);
        Assert.Equal(3, attempts.Count);
        Assert.Equal("job-b", attempts.Single(a => a.PromptId == "b").ProviderRequestId);
    }

    [Fact]
    public async Task A_sync_call_lost_to_a_crash_is_counted_on_the_attempt()
    {
        await using (var store = await SqliteRunStore.OpenAsync(_dir.Path, CancellationToken.None))
            await store.MarkSentAsync(new SlotKey("m1", "c", 0), CancellationToken.None);

        var (_, attempts, _) = await Run(new ScriptedProvider(_clock), new RunPlan(Suite, [Model()], 1));

        Assert.Equal(1, attempts.Single(a => a.PromptId == "c").InterruptedCalls);
        Assert.Equal(0, attempts.Single(a => a.PromptId == "a").InterruptedCalls);
    }

    [Fact]
    public async Task Cancelling_leaves_no_half_attempt()
    {
        using var cts = new CancellationTokenSource();
        var provider = new ScriptedProvider(_clock)
        {
            Script = async (_, rec, ct) =>
            {
                rec.BeginPhase(PhaseNames.Generating);
                await cts.CancelAsync();
                await Task.Delay(Timeout.InfiniteTimeSpan, _clock, ct);
                throw new InvalidOperationException("unreachable");
            },
        };
        var (result, attempts, _) = await Run(provider, new RunPlan(Suite, [Model()], 1), ct: cts.Token);

        Assert.True(result.Cancelled);
        Assert.Empty(attempts);
        Assert.Equal(1, provider.Generated);
    }

    public void Dispose() => _dir.Dispose();

    private sealed class RecordingProgress : IRunProgress
    {
        public List<Attempt> Finished { get; } = [];
        public void AttemptFinished(Attempt attempt, int finished, int total) { lock (Finished) Finished.Add(attempt); }
        public void BudgetReached(decimal spent, decimal limit, int slotsNotRun) { }
    }
}
