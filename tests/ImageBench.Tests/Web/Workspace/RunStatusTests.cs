using System.Text.Json.Nodes;
using ImageBench.Storage;
using ImageBench.Storage.Sqlite;
using ImageBench.Tests.Support;
using ImageBench.Web.Workspace;
using Microsoft.Extensions.Time.Testing;

using RunStatus = ImageBench.Web.Workspace.RunStatus;

namespace ImageBench.Tests.Web.Workspace;

public sealed class RunStatusTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(6);
    private readonly TempDir _dir = new();

    private static SlotState Slot(SlotPhase phase) => new(new SlotKey("m", "p", 0), phase, null, 0, null);

    [Fact]
    public void Someone_working_is_running_whatever_the_slots_say()
    {
        Assert.Equal(RunStatus.Running, RunStatusRule.Of([Slot(SlotPhase.Sent)], someoneIsWorking: true));
        Assert.Equal(RunStatus.Running, RunStatusRule.Of([], someoneIsWorking: true));
    }

    [Theory]
    [InlineData(SlotPhase.Sent)]
    [InlineData(SlotPhase.Submitted)]
    public void A_call_in_flight_with_nobody_working_is_interrupted(SlotPhase phase) =>
        Assert.Equal(RunStatus.Interrupted, RunStatusRule.Of([Slot(SlotPhase.Done), Slot(phase)], someoneIsWorking: false));

    [Fact]
    public void Nothing_in_flight_and_nobody_working_is_finished() =>
        Assert.Equal(RunStatus.Finished, RunStatusRule.Of([Slot(SlotPhase.Done)], someoneIsWorking: false));

    [Fact]
    public void A_write_ahead_log_written_within_the_lease_means_someone_is_working()
    {
        var stamp = new StoreStamp(Now, 4096, Now - TimeSpan.FromMinutes(2), 1000);
        Assert.True(RunActivity.IsWorkedOn(stamp, Lease, Now));
        Assert.False(RunActivity.IsWorkedOn(stamp, Lease, Now + Lease));
        Assert.False(RunActivity.IsWorkedOn(stamp with { LogWritten = null }, Lease, Now));
    }

    [Fact]
    public void The_lease_is_the_runs_attempt_timeout_plus_grace()
    {
        var manifest = Storage.SampleRuns.Manifest() with { Parameters = new JsonObject { ["attempt_timeout_s"] = 120.0 } };
        Assert.Equal(TimeSpan.FromSeconds(120) + RunActivity.Grace, RunActivity.LeaseOf(manifest));
        Assert.Equal(RunActivity.DefaultAttemptTimeout + RunActivity.Grace, RunActivity.LeaseOf(manifest with { Parameters = [] }));
    }

    [Fact]
    public async Task A_store_held_open_by_a_writer_reads_as_running_and_once_closed_with_a_call_sent_as_interrupted()
    {
        var run = new RunDirectory("r", _dir.Path);
        var reader = new RunReader();
        await using (var writer = await SqliteRunStore.OpenAsync(_dir.Path, CancellationToken.None))
        {
            await writer.SaveOrLoadManifestAsync(Storage.SampleRuns.Manifest(), CancellationToken.None);
            await writer.MarkSentAsync(new SlotKey("gpt-image-1", "poster-1", 0), CancellationToken.None);
            var live = await reader.SnapshotAsync(run, CancellationToken.None);
            var time = new FakeTimeProvider(live.Stamp.LogWritten!.Value + TimeSpan.FromSeconds(1));
            Assert.Equal(RunStatus.Running, live.StatusAt(time.GetUtcNow()));
            // The same writer, silent past any attempt's timeout: it is gone.
            time.Advance(RunActivity.LeaseOf(live.Manifest));
            Assert.Equal(RunStatus.Interrupted, live.StatusAt(time.GetUtcNow()));
        }
        var after = await reader.SnapshotAsync(run, CancellationToken.None);
        Assert.Null(after.Stamp.LogWritten);
        Assert.Equal(RunStatus.Interrupted, after.StatusAt(Now));
        // This server's own reads leave no log behind to be mistaken for a writer.
        Assert.Null((await reader.SnapshotAsync(run, CancellationToken.None)).Stamp.LogWritten);
        Assert.False(File.Exists(Path.Combine(_dir.Path, SqliteRunStore.FileName + StoreStamp.LogSuffix)));
    }

    [Fact]
    public async Task The_ledgers_owners_decide_running_and_a_ctrl_c_with_a_call_in_flight_reads_as_interrupted()
    {
        var run = new RunDirectory("r", _dir.Path);
        await using var store = await SqliteRunStore.OpenAsync(_dir.Path, CancellationToken.None);
        await store.SaveOrLoadManifestAsync(Storage.SampleRuns.Manifest(), CancellationToken.None);
        var key = new SlotKey("gpt-image-1", "poster-1", 0);
        await store.PlanAsync([key, new SlotKey("gpt-image-1", "poster-2", 0)], CancellationToken.None);
        var owner = LedgerOwner.ForThisProcess(TimeProvider.System);
        await store.RegisterOwnerAsync(owner, TimeSpan.FromSeconds(30), CancellationToken.None);
        var claim = Assert.IsType<ClaimResult.Claimed>(await store.ClaimNextAsync(
            new ClaimRequest(owner.Id, new Dictionary<string, decimal> { ["gpt-image-1"] = 0.04m }, TimeSpan.FromSeconds(30), null), CancellationToken.None)).Claim;
        await store.MarkSentAsync(claim, CancellationToken.None);

        var live = await new RunReader().SnapshotAsync(run, CancellationToken.None);
        Assert.Equal(RunStatus.Running, live.StatusAt(DateTimeOffset.UnixEpoch)); // the owner, not the log's age, says so
        Assert.Equal(1, live.Slots.Count(s => RunStatusRule.IsInFlight(s.Phase))); // the planned slot is waiting, not in flight

        await store.EndOwnerAsync(owner.Id, OwnerEndings.Cancelled, CancellationToken.None);
        var stopped = await new RunReader().SnapshotAsync(run, CancellationToken.None);
        Assert.Equal(RunStatus.Interrupted, stopped.StatusAt(DateTimeOffset.UnixEpoch));
    }

    public void Dispose() => _dir.Dispose();
}
