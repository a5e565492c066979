using ImageBench.Attempts;
using ImageBench.Providers;
using ImageBench.Storage;
using ImageBench.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace ImageBench.Tests.Storage;

public sealed class SqliteRunStoreTests : IDisposable
{
    private readonly TempRunDirectory _dir = new();
    private static CancellationToken Ct => CancellationToken.None;

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Attempts_round_trip_with_every_field()
    {
        await using var store = await SqliteRunStore.OpenAsync(_dir.Path, Ct);
        var full = SampleRuns.Full();
        var refused = SampleRuns.Refused();
        await store.SaveAttemptAsync(full, Ct);
        await store.SaveAttemptAsync(refused, Ct);

        var loaded = await store.LoadAttemptsAsync(Ct);

        Assert.Equal(
            new[] { SampleRuns.Canonical(refused), SampleRuns.Canonical(full) }.Order(),
            loaded.Select(SampleRuns.Canonical).Order());
        var back = loaded.Single(a => a.Model == full.Model);
        Assert.Equal(0.040m, back.CostUsd);
        Assert.Equal("0.040", back.CostUsd!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(AttemptOutcome.Refused, loaded.Single(a => a.Model == refused.Model).Outcome);
    }

    [Fact]
    public async Task Database_lives_in_the_run_directory_in_wal_mode()
    {
        await using var store = await SqliteRunStore.OpenAsync(_dir.Path, Ct);
        Assert.Equal(Path.Combine(_dir.Path, "imagebench.db"), store.DatabasePath);
        Assert.True(File.Exists(store.DatabasePath));
        Assert.Equal("wal", await ScalarAsync(store.DatabasePath, "PRAGMA journal_mode;"));
        Assert.Equal(2L, await ScalarAsync(store.DatabasePath, "PRAGMA user_version;"));
    }

    [Fact]
    public async Task Concurrent_saves_from_32_tasks_all_land()
    {
        await using var store = await SqliteRunStore.OpenAsync(_dir.Path, Ct);
        var attempts = Enumerable.Range(0, 32).Select(i => SampleRuns.Full(promptId: $"p{i % 4}", repeat: i)).ToArray();

        await Task.WhenAll(attempts.Select(a => Task.Run(async () =>
        {
            var key = new SlotKey(a.Model, a.PromptId, a.Repeat);
            await store.MarkSentAsync(key, Ct);
            await store.SaveAttemptAsync(a, Ct);
        }, Ct)));

        var slots = await store.LoadSlotsAsync(Ct);
        Assert.Equal(32, slots.Count);
        Assert.All(slots, s => Assert.Equal(SlotPhase.Done, s.Phase));
        Assert.Equal(attempts.Select(a => a.Repeat).Order(), slots.Select(s => s.Key.Repeat).Order());
        Assert.All(slots, s => Assert.Equal(0, s.InterruptedCalls));
    }

    [Fact]
    public async Task Marking_a_slot_sent_twice_counts_one_interrupted_call_and_the_attempt_carries_it()
    {
        await using var store = await SqliteRunStore.OpenAsync(_dir.Path, Ct);
        var attempt = SampleRuns.Full();
        var key = new SlotKey(attempt.Model, attempt.PromptId, attempt.Repeat);

        await store.MarkSentAsync(key, Ct);
        var first = Assert.Single(await store.LoadSlotsAsync(Ct));
        Assert.Equal((SlotPhase.Sent, 0), (first.Phase, first.InterruptedCalls));

        await store.MarkSentAsync(key, Ct); // the process "crashed" after the first send
        var second = Assert.Single(await store.LoadSlotsAsync(Ct));
        Assert.Equal((SlotPhase.Sent, 1), (second.Phase, second.InterruptedCalls));

        await store.SaveAttemptAsync(attempt with { InterruptedCalls = 0 }, Ct);
        var done = Assert.Single(await store.LoadSlotsAsync(Ct));
        Assert.Equal(SlotPhase.Done, done.Phase);
        Assert.Equal(1, done.InterruptedCalls);
        Assert.Equal(1, done.Attempt!.InterruptedCalls);
        Assert.Equal(1, Assert.Single(await store.LoadAttemptsAsync(Ct)).InterruptedCalls);
        Assert.Contains("\"interrupted_calls\":1", await ScalarAsync(store.DatabasePath, "SELECT attempt_json FROM slots;") as string, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_submitted_job_is_found_again_by_a_new_store_instance()
    {
        var key = new SlotKey("flux-pro-1.1", "poster-1", 2);
        var job = new JobHandle("job-42", "https://api.eu.example/v1/get_result?id=job-42", null);
        await using (var store = await SqliteRunStore.OpenAsync(_dir.Path, Ct))
        {
            await store.MarkSentAsync(key, Ct);
            await store.SaveJobAsync(key, job, Ct);
        }

        await using var reopened = await SqliteRunStore.OpenAsync(_dir.Path, Ct);
        var slot = Assert.Single(await reopened.LoadSlotsAsync(Ct));
        Assert.Equal(key, slot.Key);
        Assert.Equal(SlotPhase.Submitted, slot.Phase);
        Assert.Equal(job, slot.Job);
        Assert.Null(slot.Attempt);
        Assert.Empty(await reopened.LoadAttemptsAsync(Ct));
    }

    [Fact]
    public async Task A_committed_attempt_is_visible_to_another_instance_before_the_writer_is_disposed()
    {
        // Proxy for "killed right after SaveAttemptAsync returned": the writer is never disposed or checkpointed.
        var writer = await SqliteRunStore.OpenAsync(_dir.Path, Ct);
        var attempt = SampleRuns.Full();
        await writer.SaveAttemptAsync(attempt, Ct);
        await writer.SaveJobAsync(new SlotKey("m2", "p", 0), new JobHandle("j"), Ct);

        await using (var reader = await SqliteRunStore.OpenAsync(_dir.Path, Ct))
        {
            Assert.Equal(SampleRuns.Canonical(attempt), SampleRuns.Canonical(Assert.Single(await reader.LoadAttemptsAsync(Ct))));
            Assert.Equal(2, (await reader.LoadSlotsAsync(Ct)).Count);
        }
        await writer.DisposeAsync();
    }

    [Fact]
    public async Task The_first_manifest_wins_on_resume()
    {
        await using var store = await SqliteRunStore.OpenAsync(_dir.Path, Ct);
        Assert.Null(await store.LoadManifestAsync(Ct));
        var first = SampleRuns.Manifest("run-first");

        var stored = await store.SaveOrLoadManifestAsync(first, Ct);
        var again = await store.SaveOrLoadManifestAsync(SampleRuns.Manifest("run-second") with { Repeat = 9 }, Ct);

        Assert.Equal(SampleRuns.Canonical(first), SampleRuns.Canonical(stored));
        Assert.Equal(SampleRuns.Canonical(first), SampleRuns.Canonical(again));
        Assert.Equal("run-first", (await store.LoadManifestAsync(Ct))!.RunId);
    }

    [Fact]
    public async Task A_done_slot_keeps_its_attempt_and_a_second_one_is_kept_as_superseded_but_a_cancelled_one_is_retried()
    {
        await using var store = await SqliteRunStore.OpenAsync(_dir.Path, Ct);
        var ok = SampleRuns.Full(promptId: "a");
        var okKey = new SlotKey(ok.Model, ok.PromptId, ok.Repeat);
        await store.SaveAttemptAsync(ok, Ct);
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.MarkSentAsync(okKey, Ct));
        // A second attempt for a done slot is paid work that must not be lost, nor replace the first.
        Assert.False(await store.SaveAttemptAsync(ok with { LatencyMs = 1 }, Ct));
        Assert.Equal(ok.LatencyMs, Assert.Single(await store.LoadAttemptsAsync(Ct)).LatencyMs);
        Assert.Equal(1, (await store.LoadLedgerAsync(Ct)).SupersededAttempts);

        var cancelledKey = new SlotKey(ok.Model, "b", 0);
        await store.MarkSentAsync(cancelledKey, Ct);
        await store.MarkSentAsync(cancelledKey, Ct);
        await store.SaveAttemptAsync(SampleRuns.Refused(ok.Model, "b", 0) with { Outcome = AttemptOutcome.Cancelled }, Ct);
        await store.MarkSentAsync(cancelledKey, Ct); // resume retries the cancelled slot
        var retried = (await store.LoadSlotsAsync(Ct)).Single(s => s.Key == cancelledKey);
        Assert.Equal((SlotPhase.Sent, 1), (retried.Phase, retried.InterruptedCalls));
        Assert.Null(retried.Attempt);
    }

    [Fact]
    public async Task The_job_stays_on_record_after_the_attempt_is_saved()
    {
        await using var store = await SqliteRunStore.OpenAsync(_dir.Path, Ct);
        var attempt = SampleRuns.Full(model: "flux-pro-1.1");
        var key = new SlotKey(attempt.Model, attempt.PromptId, attempt.Repeat);
        await store.SaveJobAsync(key, new JobHandle("job-1", "https://poll"), Ct);
        await store.SaveAttemptAsync(attempt, Ct);

        var slot = Assert.Single(await store.LoadSlotsAsync(Ct));
        Assert.Equal(SlotPhase.Done, slot.Phase);
        Assert.Equal("job-1", slot.Job!.JobId);
    }

    [Fact]
    public async Task A_store_written_by_another_schema_version_is_refused_with_a_clear_message()
    {
        await ExecuteAsync(Path.Combine(_dir.Path, SqliteRunStore.FileName), "CREATE TABLE slots (x); PRAGMA user_version = 7;");

        var e = await Assert.ThrowsAsync<IncompatibleStoreException>(() => SqliteRunStore.OpenAsync(_dir.Path, Ct));
        Assert.Contains("schema version 7", e.Message, StringComparison.Ordinal);
        Assert.Contains("reads version 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_elses_database_or_a_non_database_file_is_refused()
    {
        var path = Path.Combine(_dir.Path, SqliteRunStore.FileName);
        await ExecuteAsync(path, "CREATE TABLE customers (id INTEGER);");
        var foreign = await Assert.ThrowsAsync<IncompatibleStoreException>(() => SqliteRunStore.OpenAsync(_dir.Path, Ct));
        Assert.Contains("customers", foreign.Message, StringComparison.Ordinal);

        using var other = new TempRunDirectory();
        await File.WriteAllTextAsync(Path.Combine(other.Path, SqliteRunStore.FileName), "this is not sqlite, just text that is long enough to have a header", Ct);
        var notDb = await Assert.ThrowsAsync<IncompatibleStoreException>(() => SqliteRunStore.OpenAsync(other.Path, Ct));
        Assert.Contains("not a SQLite database", notDb.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Initialize_is_idempotent_and_keeps_data()
    {
        await using var store = await SqliteRunStore.OpenAsync(_dir.Path, Ct);
        await store.SaveAttemptAsync(SampleRuns.Full(), Ct);
        await store.InitializeAsync(Ct);
        await store.InitializeAsync(Ct);
        Assert.Single(await store.LoadAttemptsAsync(Ct));
    }

    [Fact]
    public async Task A_disposed_store_refuses_work()
    {
        var store = await SqliteRunStore.OpenAsync(_dir.Path, Ct);
        await store.DisposeAsync();
        await store.DisposeAsync();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.LoadSlotsAsync(Ct));
    }

    [Fact]
    public async Task A_cancelled_caller_writes_nothing()
    {
        await using var store = await SqliteRunStore.OpenAsync(_dir.Path, Ct);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.SaveAttemptAsync(SampleRuns.Full(), cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.MarkSentAsync(new SlotKey("m", "p", 0), cancelled.Token));

        Assert.Empty(await store.LoadSlotsAsync(Ct));
    }

    [Fact]
    public async Task Updated_at_comes_from_the_injected_clock()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(SampleRuns.Start);
        await using var store = await SqliteRunStore.OpenAsync(_dir.Path, clock, Ct);
        await store.MarkSentAsync(new SlotKey("m", "p", 0), Ct);

        Assert.Equal("2026-11-23T10:00:00.0000000+00:00", await ScalarAsync(store.DatabasePath, "SELECT updated_at FROM slots;"));
    }

    private static async Task<object?> ScalarAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    private static async Task ExecuteAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
