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
/// Concurrency: one connection, every operation (reads too) serialised by <see cref="SerializedConnection"/>.
/// SQLite admits one writer at a time anyway, so more connections would only trade our queue for SQLITE_BUSY
/// retries inside the same process; a SqliteConnection is not thread-safe; and the write rate (a few rows per
/// attempt, attempts take seconds) is far below what one fsync-per-commit connection sustains. Other processes
/// (a report reading a live run) can still open the file: WAL lets them read while we write, busy_timeout covers the rest.
/// </para>
/// <para>
/// Cancellation only cancels waiting for the lock; a started write always commits. Callers saving the attempt of
/// a cancelled run must pass a token that is not already cancelled (e.g. <see cref="CancellationToken.None"/>).
/// </para>
/// </remarks>
public sealed partial class SqliteRunStore : IAttemptLedger
{
    public const string FileName = "imagebench.db";

    private readonly SerializedConnection _db;
    private readonly TimeProvider _time;

    private SqliteRunStore(SqliteConnection connection, string path, TimeProvider time)
    {
        _db = new SerializedConnection(connection);
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
    /// <exception cref="UnusableStoreException">The file is damaged (so is every later operation that finds damage).</exception>
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
        catch (Exception e)
        {
            var unusable = StoreFailure.TryTranslate(e, path, connection, out var translated) ? translated : null;
            await connection.DisposeAsync().ConfigureAwait(false);
            if (unusable is not null) throw unusable;
            throw;
        }
        return new SqliteRunStore(connection, path, time);
    }

    public Task InitializeAsync(CancellationToken ct) =>
        _db.UseAsync(async connection =>
        {
            await SqliteSchema.EnsureAsync(connection, DatabasePath, CancellationToken.None).ConfigureAwait(false);
            return true;
        }, ct);

    public Task<RunManifest> SaveOrLoadManifestAsync(RunManifest manifest, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var json = JsonSerializer.Serialize(manifest, ResultJson.Compact);
        return _db.InTransactionAsync(async (connection, tx) =>
        {
            await SerializedConnection.ExecuteAsync(connection, tx,
                "INSERT OR IGNORE INTO manifest (id, manifest_json, saved_at) VALUES (1, $json, $now);",
                ("$json", json), ("$now", Now())).ConfigureAwait(false);
            return (await ReadManifestAsync(connection, tx).ConfigureAwait(false))!;
        }, ct);
    }

    public Task<RunManifest?> LoadManifestAsync(CancellationToken ct) =>
        _db.UseAsync(connection => ReadManifestAsync(connection, null), ct);

    public Task MarkSentAsync(Claim claim, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return WriteSlotAsync(claim, (current, now) => SlotTransitions.MarkSentSql(claim.Key, claim, current, now), _ => [], ct);
    }

    public async Task SaveJobAsync(Claim claim, JobHandle job, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(job);
        var json = SlotRow.ToJson(job);
        await WriteSlotAsync(claim, (current, now) => SlotTransitions.SaveJobSql(claim, current, now), _ => [("$job", json)], ct,
            superseded: ("job", json, null)).ConfigureAwait(false);
    }

    public Task<bool> SaveAttemptAsync(Claim claim, Attempt attempt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(attempt);
        string? json = null;
        return WriteSlotAsync(claim, (current, now) => SlotTransitions.SaveAttemptSql(claim, current, now), current =>
        {
            // The slot's counter is the truth about calls lost before this attempt: the runner that built it cannot
            // know about calls sent by a process that crashed before it started. Its own lost calls come on top.
            var stored = attempt with { InterruptedCalls = (current?.InterruptedCalls ?? 0) + attempt.InterruptedCalls };
            json = SlotRow.ToJson(stored);
            return [("$attempt", json), ("$outcome", stored.Outcome.ToWire()), ("$interrupted", stored.InterruptedCalls),
                ("$cost", stored.CostUsd is { } c ? Money.ToMicro(c) : null)];
        }, ct, superseded: ("attempt", SlotRow.ToJson(attempt), attempt.CostUsd));
    }

    public Task<IReadOnlyList<SlotState>> LoadSlotsAsync(CancellationToken ct) => _db.UseAsync(ReadSlotsAsync, ct);

    public async Task<IReadOnlyList<Attempt>> LoadAttemptsAsync(CancellationToken ct)
    {
        var slots = await LoadSlotsAsync(ct).ConfigureAwait(false);
        return slots.Where(s => s.Attempt is not null).Select(s => s.Attempt!).ToArray();
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    /// <summary>
    /// Reads the slot, lets the state machine pick the SQL (or refuse), and runs it, in one transaction. When the
    /// state machine says the write is not the claim's, the paid-for work is kept in superseded_attempts instead.
    /// </summary>
    /// <returns>True when the slot itself was written.</returns>
    private Task<bool> WriteSlotAsync(
        Claim claim,
        Func<StoredSlot?, long, string?> transition,
        Func<StoredSlot?, (string, object?)[]> values,
        CancellationToken ct,
        (string Kind, string Json, decimal? Cost)? superseded = null) =>
        _db.InTransactionAsync(async (connection, tx) =>
        {
            var slot = claim.Key;
            var nowMs = _time.GetUtcNow().ToUnixTimeMilliseconds();
            var current = await SlotTransitions.ReadAsync(connection, tx, slot).ConfigureAwait(false);
            var sql = transition(current, nowMs);
            (string, object?)[] key = [("$model", slot.Model), ("$prompt", slot.PromptId), ("$repeat", slot.Repeat), ("$now", Now()), ("$owner", claim.IsUnowned ? null : claim.Owner)];
            if (sql is null)
            {
                if (superseded is not { } kept) throw new InvalidOperationException($"slot {slot}: write refused");
                await SerializedConnection.ExecuteAsync(connection, tx,
                    "INSERT INTO superseded_attempts (model, prompt_id, repeat, owner, kind, json, cost_micro_usd, saved_at) VALUES ($model, $prompt, $repeat, coalesce($owner, ''), $kind, $json, $cost, $now);",
                    [.. key, ("$kind", kept.Kind), ("$json", kept.Json), ("$cost", kept.Cost is { } c ? Money.ToMicro(c) : null)]).ConfigureAwait(false);
                return false;
            }
            await SerializedConnection.ExecuteAsync(connection, tx, sql, [.. key, .. values(current)]).ConfigureAwait(false);
            return true;
        }, ct);

    private static async Task<IReadOnlyList<SlotState>> ReadSlotsAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {SlotRow.Columns} FROM slots ORDER BY model, prompt_id, repeat;";
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        var slots = new List<SlotState>();
        while (await reader.ReadAsync().ConfigureAwait(false))
            slots.Add(SlotRow.Read(reader));
        return slots;
    }

    private async Task<RunManifest?> ReadManifestAsync(SqliteConnection connection, SqliteTransaction? tx)
    {
        await using var command = connection.CreateCommand();
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
}
