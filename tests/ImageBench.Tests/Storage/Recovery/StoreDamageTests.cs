using ImageBench.Storage;
using ImageBench.Storage.Sqlite;

namespace ImageBench.Tests.Storage.Recovery;

/// <summary>
/// Every way a store file can be unusable surfaces from the store as one <see cref="UnusableStoreException"/> that
/// names the file and the problem — and the store leaves such a file exactly as it found it.
/// </summary>
public sealed class StoreDamageTests : IDisposable
{
    private readonly TempRunDirectory _dir = new();
    private static CancellationToken Ct => CancellationToken.None;

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string> Kinds() => [.. StoreDamage.Kinds.Select(k => k.Name)];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Each_kind_of_damage_is_one_unusable_store_error_naming_the_file_and_the_file_is_left_as_it_was(string name)
    {
        var kind = StoreDamage.Kind(name);
        await WriteSmallRunAsync(_dir.Path);
        await kind.Apply(_dir.Path);
        var before = await StoreDamage.FingerprintAsync(_dir.Path);

        var e = await Assert.ThrowsAnyAsync<UnusableStoreException>(async () =>
        {
            await using var store = await SqliteRunStore.OpenAsync(_dir.Path, Ct);
            await store.LoadManifestAsync(Ct);
            await store.LoadSlotsAsync(Ct);
        });

        Assert.Equal(kind.Problem, e.Problem);
        Assert.Equal(StoreDamage.StorePath(_dir.Path), e.StorePath);
        Assert.StartsWith(StoreDamage.StorePath(_dir.Path), e.Message, StringComparison.Ordinal);
        Assert.Contains(kind.Says, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
        if (kind.Name == "foreign-schema")
            // Opening switches a file to WAL before the schema is checked (a header change); its tables stay as they were.
            Assert.Equal("customers", await StoreDamage.ScalarAsync(StoreDamage.StorePath(_dir.Path), "SELECT group_concat(name) FROM sqlite_master;"));
        else
            Assert.Equal(before, await StoreDamage.FingerprintAsync(_dir.Path));
    }

    [Fact]
    public async Task A_damaged_log_would_silently_turn_a_done_slot_back_into_one_that_resume_pays_for_again()
    {
        // Why the log is checked before SQLite opens the store: SQLite itself ignores a log whose header is bad.
        await using (var store = await SqliteRunStore.OpenAsync(_dir.Path, Ct))
            await store.MarkSentAsync(new SlotKey("m", "p", 0), Ct);
        await StoreDamage.LeaveInLogAsync(_dir.Path, async () =>
        {
            await using var store = await SqliteRunStore.OpenAsync(_dir.Path, Ct);
            await store.SaveAttemptAsync(SampleRuns.Full("m", "p", 0), Ct);
        });
        using var intact = new TempRunDirectory();
        CopyStore(_dir.Path, intact.Path);
        StoreDamage.GarbleLog(_dir.Path, offset: 0, count: 32);
        using var plainSqlite = new TempRunDirectory();
        CopyStore(_dir.Path, plainSqlite.Path);

        Assert.Equal("done", await StoreDamage.ScalarAsync(StoreDamage.StorePath(intact.Path), "SELECT phase FROM slots;"));
        Assert.Equal("sent", await StoreDamage.ScalarAsync(StoreDamage.StorePath(plainSqlite.Path), "SELECT phase FROM slots;"));
        var e = await Assert.ThrowsAsync<UnusableStoreException>(() => SqliteRunStore.OpenAsync(_dir.Path, Ct));
        Assert.Equal(StoreProblem.Damaged, e.Problem);
    }

    [Fact]
    public async Task A_log_a_crash_left_behind_is_replayed_not_called_damaged()
    {
        await WriteSmallRunAsync(_dir.Path);
        await StoreDamage.LeaveInLogAsync(_dir.Path, async () =>
        {
            await using var store = await SqliteRunStore.OpenAsync(_dir.Path, Ct);
            await store.SaveAttemptAsync(SampleRuns.Full("m", "late", 0), Ct);
        });
        Assert.True(new FileInfo(StoreDamage.StorePath(_dir.Path) + "-wal").Length > 0);

        await using var reopened = await SqliteRunStore.OpenAsync(_dir.Path, Ct);

        Assert.Contains(await reopened.LoadAttemptsAsync(Ct), a => a.PromptId == "late");
    }

    [Fact]
    public async Task An_unreadable_score_row_is_an_unusable_store_error_too()
    {
        await using var store = await SqliteRunStore.OpenAsync(_dir.Path, Ct);
        var key = new ImageBench.Scoring.ScoreKey(new string('c', 64), "text", "1", "e");
        await store.SaveScoreAsync(key, ImageBench.Scoring.ScoreResult.Failed("text", "1", "x"), Ct);
        await StoreDamage.ExecuteAsync(store.DatabasePath, "UPDATE scores SET result_json = 'nope';");

        var e = await Assert.ThrowsAsync<UnusableStoreException>(() => store.LoadScoreAsync(key, Ct));

        Assert.Equal(StoreProblem.Damaged, e.Problem);
        Assert.Contains("a stored row cannot be read", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_store_just_opened_already_has_its_header_written_so_an_empty_file_is_never_a_store()
    {
        await using var store = await SqliteRunStore.OpenAsync(_dir.Path, Ct);

        Assert.True(new FileInfo(store.DatabasePath).Length > 0);
    }

    [Fact]
    public async Task Errors_that_say_nothing_about_the_file_are_not_turned_into_store_errors()
    {
        await using var store = await SqliteRunStore.OpenAsync(_dir.Path, Ct);
        var attempt = SampleRuns.Full();
        await store.SaveAttemptAsync(attempt, Ct);

        // The state machine's refusal is a bug in the caller, not damage.
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.MarkSentAsync(new SlotKey(attempt.Model, attempt.PromptId, attempt.Repeat), Ct));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.LoadSlotsAsync(cancelled.Token));
    }

    /// <summary>A manifest and a few slots in every phase, written through the store.</summary>
    internal static async Task WriteSmallRunAsync(string dir)
    {
        await using var store = await SqliteRunStore.OpenAsync(dir, Ct);
        await store.SaveOrLoadManifestAsync(SampleRuns.Manifest(), Ct);
        await store.SaveAttemptAsync(SampleRuns.Full("m", "a", 0), Ct);
        await store.SaveAttemptAsync(SampleRuns.Refused("m", "b", 0), Ct);
        await store.SaveJobAsync(new SlotKey("m", "c", 0), new ImageBench.Providers.JobHandle("job-1"), Ct);
        await store.MarkSentAsync(new SlotKey("m", "d", 0), Ct);
    }

    private static void CopyStore(string from, string to)
    {
        foreach (var suffix in new[] { "", "-wal" })
            if (File.Exists(StoreDamage.StorePath(from) + suffix))
                File.Copy(StoreDamage.StorePath(from) + suffix, StoreDamage.StorePath(to) + suffix, overwrite: true);
    }
}
