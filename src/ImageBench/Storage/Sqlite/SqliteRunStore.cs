using System.Globalization;
using System.Text.Json;
using ImageBench.Attempts;
using ImageBench.Providers;
using Microsoft.Data.Sqlite;

namespace ImageBench.Storage.Sqlite;

/// <summary>
/// The run store as one SQLite file per run directory (<c>{runDir}/imagebench.db</c>).
/// </summary>
/// <remarks>
/// Durability: WAL journal with <c>synchronous=FULL</c>, so every commit is fsynced before the call returns and a
/// completed attempt survives the process being killed right after. Every write is its own
/// <c>BEGIN IMMEDIATE</c> transaction.
/// <para>
/// Concurrency: one connection, every operation (reads too) serialised by a <see cref="SemaphoreSlim"/>. SQLite
/// admits one writer at a time anyway, so more connections would only trade our queue for SQLITE_BUSY retries
/// inside the same process; a SqliteConnection is not thread-safe; and the write rate (one row per attempt,
/// attempts take seconds) is far below what one fsync-per-commit connection sustains. Other processes (a report
/// reading a live run) can still open the file: WAL lets them read while we write, and busy_timeout covers the rest.
/// </para>
/// <para>
/// Cancellation only cancels waiting for the lock. Once a write has the lock it runs to its commit, so a slot is
/// never left half-written because the run was cancelled. Callers saving the attempt of a cancelled run should
/// pass a token that is not already cancelled (e.g. <see cref="CancellationToken.None"/>).
/// </para>
/// </remarks>
public sealed class SqliteRunStore : IRunStore
{
    public const string FileName = "imagebench.db";

    private readonly SqliteConnection _connection;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _disposed;

    private SqliteRunStore(SqliteConnection connection, string path, TimeProvider time)
    {
        _connection = connection;
        DatabasePath = path;
        _time = time;
    }

    /// <summary>Absolute path of the database file.</summary>
    public string DatabasePath { get; }

    public static Task<SqliteRunStore> OpenAsync(string runDirectory, CancellationToken ct) =>
        OpenAsync(runDirectory, TimeProvider.System, ct);

    /// <summary>Opens (creating if needed) the store of <paramref name="runDirectory"/>.</summary>
    /// <param name="time">Clock for the rows' updated_at stamps.</param>
    /// <exception cref="IncompatibleStoreException">The file is another schema version or not an ImageBench store.</exception>
    public static async Task<SqliteRunStore> OpenAsync(string runDirectory, TimeProvider time, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(runDirectory);
        ArgumentNullException.ThrowIfNull(time);
        var directory = Path.GetFullPath(runDirectory);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName);
        var connection = SqliteConnectionSetup.Create(path);
        try
        {
            await SqliteConnectionSetup.OpenAsync(connection, path, ct).ConfigureAwait(false);
            await SqliteSchema.EnsureAsync(connection, path, ct).ConfigureAwait(false);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return new SqliteRunStore(connection, path, time);
    }

    public Task InitializeAsync(CancellationToken ct) =>
        UnderLockAsync(() => SqliteSchema.EnsureAsync(_connection, DatabasePath, CancellationToken.None), ct);

    public Task<RunManifest> SaveOrLoadManifestAsync(RunManifest manifest, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var json = JsonSerializer.Serialize(manifest, ResultJson.Compact);
        return InTransactionAsync(async tx =>
        {
            await ExecuteAsync(tx, "INSERT OR IGNORE INTO manifest (id, manifest_json, saved_at) VALUES (1, $json, $now);",
                ("$json", json), ("$now", Now())).ConfigureAwait(false);
            return (await ReadManifestAsync(tx).ConfigureAwait(false))!;
        }, ct);
    }

    public Task<RunManifest?> LoadManifestAsync(CancellationToken ct) => UnderLockAsync(() => ReadManifestAsync(null), ct);

    public Task MarkSentAsync(SlotKey slot, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(slot);
        return InTransactionAsync(async tx =>
        {
            var current = await SlotTransitions.ReadAsync(_connection, tx, slot).ConfigureAwait(false);
            var sql = SlotTransitions.MarkSentSql(slot, current);
            await ExecuteAsync(tx, sql, KeyParameters(slot, ("$now", Now()))).ConfigureAwait(false);
            return true;
        }, ct);
    }

    public Task SaveJobAsync(SlotKey slot, JobHandle job, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(slot);
        ArgumentNullException.ThrowIfNull(job);
        var json = SlotRow.ToJson(job);
        return InTransactionAsync(async tx =>
        {
            var current = await SlotTransitions.ReadAsync(_connection, tx, slot).ConfigureAwait(false);
            var sql = SlotTransitions.SaveJobSql(slot, current);
            await ExecuteAsync(tx, sql, KeyParameters(slot, ("$now", Now()), ("$job", json))).ConfigureAwait(false);
            return true;
        }, ct);
    }

    public Task SaveAttemptAsync(Attempt attempt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var slot = new SlotKey(attempt.Model, attempt.PromptId, attempt.Repeat);
        return InTransactionAsync(async tx =>
        {
            var current = await SlotTransitions.ReadAsync(_connection, tx, slot).ConfigureAwait(false);
            var sql = SlotTransitions.SaveAttemptSql(slot, current);
            // The slot's counter is the truth about lost calls: the runner that built this attempt may not know
            // about calls sent by a process that crashed before it.
            var stored = attempt with { InterruptedCalls = current?.InterruptedCalls ?? attempt.InterruptedCalls };
            await ExecuteAsync(tx, sql, KeyParameters(slot,
                ("$now", Now()),
                ("$attempt", SlotRow.ToJson(stored)),
                ("$outcome", stored.Outcome.ToWire()),
                ("$interrupted", stored.InterruptedCalls))).ConfigureAwait(false);
            return true;
        }, ct);
    }

    public Task<IReadOnlyList<SlotState>> LoadSlotsAsync(CancellationToken ct) => UnderLockAsync(ReadSlotsAsync, ct);

    public async Task<IReadOnlyList<Attempt>> LoadAttemptsAsync(CancellationToken ct)
    {
        var slots = await LoadSlotsAsync(ct).ConfigureAwait(false);
        return slots.Where(s => s.Attempt is not null).Select(s => s.Attempt!).ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed) return;
            _disposed = true;
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<IReadOnlyList<SlotState>> ReadSlotsAsync()
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT {SlotRow.Columns} FROM slots ORDER BY model, prompt_id, repeat;";
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        var slots = new List<SlotState>();
        while (await reader.ReadAsync().ConfigureAwait(false))
            slots.Add(SlotRow.Read(reader));
        return slots;
    }

    private async Task<RunManifest?> ReadManifestAsync(SqliteTransaction? tx)
    {
        await using var command = _connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = "SELECT manifest_json FROM manifest WHERE id = 1;";
        if (await command.ExecuteScalarAsync().ConfigureAwait(false) is not string json) return null;
        try
        {
            return JsonSerializer.Deserialize<RunManifest>(json, ResultJson.Compact);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{DatabasePath}: the stored manifest cannot be read ({e.Message})", e);
        }
    }

    private string Now() => _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    private static (string, object?)[] KeyParameters(SlotKey slot, params (string, object?)[] more) =>
        [("$model", slot.Model), ("$prompt", slot.PromptId), ("$repeat", slot.Repeat), .. more];

    private async Task ExecuteAsync(SqliteTransaction tx, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = _connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    private Task<T> InTransactionAsync<T>(Func<SqliteTransaction, Task<T>> body, CancellationToken ct) =>
        UnderLockAsync(async () =>
        {
            // deferred: false → BEGIN IMMEDIATE: take the write lock up front so a reader in another process
            // cannot make our read-then-write transaction fail half-way with SQLITE_BUSY.
            await using var tx = _connection.BeginTransaction(deferred: false);
            var result = await body(tx).ConfigureAwait(false);
            await tx.CommitAsync().ConfigureAwait(false);
            return result;
        }, ct);

    private async Task UnderLockAsync(Func<Task> body, CancellationToken ct) =>
        await UnderLockAsync(async () => { await body().ConfigureAwait(false); return true; }, ct).ConfigureAwait(false);

    private async Task<T> UnderLockAsync<T>(Func<Task<T>> body, CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return await body().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }
}
