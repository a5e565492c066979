using System.Diagnostics;
using ImageBench.Attempts;
using ImageBench.Providers;
using ImageBench.Storage;
using ImageBench.Storage.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace ImageBench.Tests.Storage;

/// <summary>
/// The ledger's contract: claims in plan order, one owner per slot, leases that lapse and are renewed, budget
/// reserved across owners, and paid work from a lost claim kept, never dropped. Two store instances on one file
/// are two connections, as two processes would have.
/// </summary>
public sealed class LedgerTests : IDisposable
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private static CancellationToken Ct => CancellationToken.None;
    private readonly TempRunDirectory _dir = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));

    private static readonly SlotKey[] Plan = [new("m1", "a", 0), new("m2", "a", 0), new("m1", "b", 0), new("m2", "b", 0)];

    private static ClaimRequest Request(string owner, decimal? budget = null, params string[] models) =>
        new(owner, (models.Length == 0 ? ["m1", "m2"] : models).ToDictionary(m => m, _ => 0.04m), Lease, budget);

    private async Task<SqliteRunStore> OpenPlannedAsync()
    {
        var store = await SqliteRunStore.OpenAsync(_dir.Path, _clock, Ct);
        await store.PlanAsync(Plan, Ct);
        return store;
    }

    private static Claim Claimed(ClaimResult result) => Assert.IsType<ClaimResult.Claimed>(result).Claim;

    [Fact]
    public async Task Slots_are_claimed_in_plan_order_and_only_once()
    {
        await using var store = await OpenPlannedAsync();
        var first = Claimed(await store.ClaimNextAsync(Request("A"), Ct));
        var second = Claimed(await store.ClaimNextAsync(Request("B"), Ct));
        var onlyM2 = Claimed(await store.ClaimNextAsync(Request("B", null, "m2"), Ct));

        Assert.Equal((Plan[0], SlotPhase.Planned), (first.Key, first.Phase));
        Assert.Equal(Plan[1], second.Key);
        Assert.Equal(Plan[3], onlyM2.Key);
        Assert.Equal(Plan[2], Claimed(await store.ClaimNextAsync(Request("A"), Ct)).Key);
        var none = Assert.IsType<ClaimResult.NoneLeft>(await store.ClaimNextAsync(Request("A"), Ct));
        Assert.Equal(2, none.HeldByOthers); // B's two live claims
    }

    [Fact]
    public async Task Concurrent_claimers_on_two_connections_never_get_the_same_slot()
    {
        var keys = Enumerable.Range(0, 60).Select(i => new SlotKey("m1", $"p{i}", 0)).ToList();
        await using var a = await SqliteRunStore.OpenAsync(_dir.Path, _clock, Ct);
        await using var b = await SqliteRunStore.OpenAsync(_dir.Path, _clock, Ct);
        await a.PlanAsync(keys, Ct);

        async Task<List<SlotKey>> Drain(SqliteRunStore store, string owner)
        {
            var mine = new List<SlotKey>();
            while (await store.ClaimNextAsync(Request(owner, null, "m1"), Ct) is ClaimResult.Claimed c) mine.Add(c.Claim.Key);
            return mine;
        }
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => Drain(i % 2 == 0 ? a : b, $"owner{i}"))));

        var all = results.SelectMany(r => r).ToList();
        Assert.Equal(keys.Count, all.Count);
        Assert.Equal(keys.Select(k => k.ToString()).Order().ToList(), all.Distinct().Select(k => k.ToString()).Order().ToList());
    }

    [Fact]
    public async Task A_lapsed_lease_returns_the_slot_and_the_old_owner_may_no_longer_send()
    {
        await using var store = await OpenPlannedAsync();
        var a = Claimed(await store.ClaimNextAsync(Request("A"), Ct));
        await store.MarkSentAsync(a, Ct);
        _clock.Advance(Lease + TimeSpan.FromSeconds(1));

        var b = Claimed(await store.ClaimNextAsync(Request("B"), Ct));
        Assert.Equal((a.Key, SlotPhase.Sent), (b.Key, b.Phase)); // B knows a call may have been paid for
        await Assert.ThrowsAsync<LeaseLostException>(() => store.MarkSentAsync(a, Ct));
        await store.MarkSentAsync(b, Ct);

        // A's answer arrives late: paid for, kept, but not the slot's; B's becomes the slot's.
        Assert.False(await store.SaveAttemptAsync(a, Sample(a.Key, 0.04m), Ct));
        Assert.True(await store.SaveAttemptAsync(b, Sample(b.Key, 0.04m), Ct));
        var slot = (await store.LoadSlotsAsync(Ct)).Single(s => s.Key == a.Key);
        Assert.Equal((SlotPhase.Done, "B", 1), (slot.Phase, slot.Owner, slot.Attempt!.InterruptedCalls));
        var ledger = await store.LoadLedgerAsync(Ct);
        Assert.Equal(1, ledger.SupersededAttempts);
        Assert.Equal(0.08m, ledger.SpentUsd); // both calls were paid
    }

    [Fact]
    public async Task Renewed_leases_keep_the_slot_however_long_the_call_takes()
    {
        await using var store = await OpenPlannedAsync();
        var a = Claimed(await store.ClaimNextAsync(Request("A", null, "m1"), Ct));
        await store.MarkSentAsync(a, Ct);
        for (var beat = 0; beat < 10; beat++)
        {
            _clock.Advance(Lease / 3);
            Assert.Equal(1, await store.RenewAsync("A", Lease, Ct));
        }

        Assert.Equal(Plan[2], Claimed(await store.ClaimNextAsync(Request("B", null, "m1"), Ct)).Key);
        await store.MarkSentAsync(a, Ct); // still A's to send
    }

    [Fact]
    public async Task Budget_counts_every_owners_spending_and_reservations()
    {
        await using var store = await OpenPlannedAsync();
        var a = Claimed(await store.ClaimNextAsync(Request("A", 0.10m), Ct));
        var b = Claimed(await store.ClaimNextAsync(Request("B", 0.10m), Ct));
        var refused = Assert.IsType<ClaimResult.OverBudget>(await store.ClaimNextAsync(Request("A", 0.10m), Ct));
        Assert.Equal((0m, 0.08m, 0.04m), (refused.SpentUsd, refused.ReservedUsd, refused.EstimateUsd));

        // A's call cost less than estimated; the freed money is there for the next claim.
        await store.SaveAttemptAsync(a, Sample(a.Key, 0.01m), Ct);
        Assert.Equal(Plan[2], Claimed(await store.ClaimNextAsync(Request("A", 0.10m), Ct)).Key);
        Assert.IsType<ClaimResult.OverBudget>(await store.ClaimNextAsync(Request("B", 0.10m), Ct));
        _ = b;
    }

    [Fact]
    public async Task A_submitted_job_is_claimed_with_its_handle_and_needs_no_budget()
    {
        await using var store = await OpenPlannedAsync();
        var a = Claimed(await store.ClaimNextAsync(Request("A", null, "m1"), Ct));
        await store.MarkSentAsync(a, Ct);
        await store.SaveJobAsync(a, new JobHandle("job-1", "https://poll/job-1"), Ct);
        await store.EndOwnerAsync("A", OwnerEndings.Cancelled, Ct);

        var b = Claimed(await store.ClaimNextAsync(Request("B", 0.001m, "m1"), Ct));
        Assert.Equal((a.Key, SlotPhase.Submitted, "job-1", 0m), (b.Key, b.Phase, b.Job!.JobId, b.ReservedUsd));
    }

    [Fact]
    public async Task Ending_an_owner_releases_its_claims_and_says_who_stopped_the_run()
    {
        await using var store = await OpenPlannedAsync();
        await store.RegisterOwnerAsync(new LedgerOwner("A", Environment.MachineName, Environment.ProcessId, null, _clock.GetUtcNow()), Lease, Ct);
        var sent = Claimed(await store.ClaimNextAsync(Request("A"), Ct));
        await store.MarkSentAsync(sent, Ct);
        var unsent = Claimed(await store.ClaimNextAsync(Request("A"), Ct));
        Assert.Equal(RunStatus.Running, (await store.LoadLedgerAsync(Ct)).Status);

        await store.EndOwnerAsync("A", OwnerEndings.Cancelled, Ct);

        var slots = (await store.LoadSlotsAsync(Ct)).ToDictionary(s => s.Key);
        Assert.Equal((SlotPhase.Sent, (DateTimeOffset?)null), (slots[sent.Key].Phase, slots[sent.Key].LeaseUntil));
        Assert.Equal((SlotPhase.Planned, null), (slots[unsent.Key].Phase, slots[unsent.Key].Owner));
        var ledger = await store.LoadLedgerAsync(Ct);
        Assert.Equal(RunStatus.InterruptedByUser, ledger.Status);
        Assert.Equal(sent.Key, Claimed(await store.ClaimNextAsync(Request("B"), Ct)).Key); // at once, no lease to wait for
    }

    [Fact]
    public async Task An_owner_whose_process_is_gone_loses_its_claims_at_once()
    {
        await using var store = await OpenPlannedAsync();
        var (pid, started) = await ExitedProcessAsync();
        var owner = new LedgerOwner("dead", Environment.MachineName, pid, started, _clock.GetUtcNow());
        Assert.True(ProcessLiveness.IsGone(owner), $"pid {pid} started {started}");
        // What the owner did while alive; it is registered afterwards only because a claim reaps gone owners first.
        var held = Claimed(await store.ClaimNextAsync(Request("dead"), Ct));
        await store.MarkSentAsync(held, Ct);
        await store.RegisterOwnerAsync(owner, Lease, Ct);

        var taken = Claimed(await store.ClaimNextAsync(Request("B"), Ct)); // well within the dead owner's lease
        Assert.Equal((held.Key, SlotPhase.Sent), (taken.Key, taken.Phase));
        var dead = Assert.Single((await store.LoadLedgerAsync(Ct)).Owners);
        Assert.Equal(OwnerEndings.Died, dead.Ending);
    }

    [Fact]
    public async Task A_version_1_store_is_upgraded_in_place_keeping_every_slot_and_its_cost()
    {
        var path = Path.Combine(_dir.Path, SqliteRunStore.FileName);
        var attempt = SampleRuns.Full(model: "m1", promptId: "a");
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var create = connection.CreateCommand();
            create.CommandText = """
                CREATE TABLE manifest (id INTEGER PRIMARY KEY CHECK (id = 1), manifest_json TEXT NOT NULL, saved_at TEXT NOT NULL);
                CREATE TABLE slots (model TEXT NOT NULL, prompt_id TEXT NOT NULL, repeat INTEGER NOT NULL,
                    phase TEXT NOT NULL CHECK (phase IN ('sent', 'submitted', 'done')), job_json TEXT, interrupted_calls INTEGER NOT NULL DEFAULT 0,
                    attempt_json TEXT, outcome TEXT, updated_at TEXT NOT NULL, PRIMARY KEY (model, prompt_id, repeat));
                CREATE TABLE scores (image_sha256 TEXT NOT NULL, scorer TEXT NOT NULL, version TEXT NOT NULL, expectations_hash TEXT NOT NULL,
                    result_json TEXT NOT NULL, PRIMARY KEY (image_sha256, scorer, version, expectations_hash));
                INSERT INTO slots VALUES ('m1', 'a', 0, 'done', NULL, 1, $attempt, 'ok', '2026-11-01');
                INSERT INTO slots VALUES ('m2', 'a', 0, 'sent', NULL, 0, NULL, NULL, '2026-11-01');
                PRAGMA user_version = 1;
                """;
            create.Parameters.AddWithValue("$attempt", System.Text.Json.JsonSerializer.Serialize(attempt with { CostUsd = 0.04m }, ResultJson.Compact));
            await create.ExecuteNonQueryAsync();
        }

        await using var store = await OpenPlannedAsync();
        var slots = (await store.LoadSlotsAsync(Ct)).ToDictionary(s => s.Key);
        Assert.Equal(SlotPhase.Done, slots[Plan[0]].Phase);
        Assert.Equal(SlotPhase.Sent, slots[Plan[1]].Phase);
        Assert.Equal(0.04m, (await store.LoadLedgerAsync(Ct)).SpentUsd);
        var resumed = Claimed(await store.ClaimNextAsync(Request("A"), Ct));
        Assert.Equal((Plan[1], SlotPhase.Sent), (resumed.Key, resumed.Phase));
    }

    private static Attempt Sample(SlotKey key, decimal cost) =>
        SampleRuns.Full(key.Model, key.PromptId, key.Repeat) with { CostUsd = cost, InterruptedCalls = 0 };

    /// <summary>A real pid of this host whose process has exited, with the start time it had.</summary>
    private static async Task<(int Pid, DateTimeOffset? Started)> ExitedProcessAsync()
    {
        using var process = Process.Start(new ProcessStartInfo("sh", "-c \"read line\"") { RedirectStandardInput = true, UseShellExecute = false })!;
        var started = ProcessLiveness.StartTimeOf(process);
        process.StandardInput.Close();
        await process.WaitForExitAsync();
        return (process.Id, started);
    }

    public void Dispose() => _dir.Dispose();
}
