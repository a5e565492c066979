using Microsoft.Data.Sqlite;

namespace ImageBench.Storage.Sqlite;

/// <summary>
/// Tables of the run store and their version. The version lives in SQLite's header field <c>user_version</c>
/// (0 in a fresh file), so it can be read before touching any table.
/// </summary>
internal static class SqliteSchema
{
    /// <summary>Bump when a change makes older readers misread the file, and add the step to <see cref="SqliteMigrations"/>.</summary>
    /// <remarks>1: slots, manifest, scores. 2: the ledger — planned and claimed slots, owners and leases, costs and reservations.</remarks>
    public const int Version = 2;

    private static readonly string[] Tables = ["manifest", "slots", "scores", "owners", "superseded_attempts"];

    // The slot primary key starts with model, so it already indexes model; outcome gets its own index for
    // "how many refusals" style queries on a big store.
    private const string CreateTables = """
        CREATE TABLE IF NOT EXISTS manifest (
            id            INTEGER PRIMARY KEY CHECK (id = 1),
            manifest_json TEXT NOT NULL,
            saved_at      TEXT NOT NULL
        );
        """ + SlotsTable + """
        CREATE INDEX IF NOT EXISTS slots_by_outcome ON slots (outcome);
        CREATE INDEX IF NOT EXISTS slots_by_plan ON slots (phase, plan_index);
        CREATE TABLE IF NOT EXISTS scores (
            image_sha256      TEXT NOT NULL,
            scorer            TEXT NOT NULL,
            version           TEXT NOT NULL,
            expectations_hash TEXT NOT NULL,
            result_json       TEXT NOT NULL,
            PRIMARY KEY (image_sha256, scorer, version, expectations_hash)
        );
        """ + LedgerTables;

    /// <summary>
    /// One row per slot of the plan. Costs and reservations are whole micro-dollars so budget sums are exact;
    /// leases are Unix milliseconds of the owners' wall clocks (monotonic clocks are per process).
    /// </summary>
    internal const string SlotsTable = """
        CREATE TABLE IF NOT EXISTS slots (
            model              TEXT    NOT NULL,
            prompt_id          TEXT    NOT NULL,
            repeat             INTEGER NOT NULL,
            phase              TEXT    NOT NULL CHECK (phase IN ('planned', 'claimed', 'sent', 'submitted', 'done')),
            plan_index         INTEGER,
            owner              TEXT,
            lease_until_ms     INTEGER,
            reserved_micro_usd INTEGER NOT NULL DEFAULT 0,
            cost_micro_usd     INTEGER,
            job_json           TEXT,
            interrupted_calls  INTEGER NOT NULL DEFAULT 0,
            attempt_json       TEXT,
            outcome            TEXT,
            updated_at         TEXT    NOT NULL,
            PRIMARY KEY (model, prompt_id, repeat)
        );
        """;

    /// <summary>
    /// Who worked on the run, and paid work that came back to a process whose claim had been taken over (kept,
    /// never dropped: it was paid for, and it is a duplicate the report must count).
    /// </summary>
    internal const string LedgerTables = """
        CREATE TABLE IF NOT EXISTS owners (
            id                 TEXT    PRIMARY KEY,
            host               TEXT    NOT NULL,
            pid                INTEGER NOT NULL,
            process_started_at TEXT,
            started_at         TEXT    NOT NULL,
            heartbeat_at       TEXT    NOT NULL,
            lease_ms           INTEGER NOT NULL,
            ended_at           TEXT,
            ending             TEXT
        );
        CREATE TABLE IF NOT EXISTS superseded_attempts (
            id        INTEGER PRIMARY KEY AUTOINCREMENT,
            model     TEXT    NOT NULL,
            prompt_id TEXT    NOT NULL,
            repeat    INTEGER NOT NULL,
            owner     TEXT    NOT NULL,
            kind      TEXT    NOT NULL CHECK (kind IN ('job', 'attempt')),
            json      TEXT    NOT NULL,
            cost_micro_usd INTEGER,
            saved_at  TEXT    NOT NULL
        );
        """;

    /// <summary>Checks the file's version and creates the tables in a fresh file. Idempotent.</summary>
    /// <exception cref="IncompatibleStoreException">The file was written by another schema version or is not ours.</exception>
    public static async Task EnsureAsync(SqliteConnection connection, string path, CancellationToken ct)
    {
        var version = await ReadUserVersionAsync(connection, ct).ConfigureAwait(false);
        if (version == Version) return;
        if (version > 0 && version < Version)
        {
            await SqliteMigrations.UpgradeAsync(connection, (int)version, ct).ConfigureAwait(false);
            return;
        }
        if (version != 0)
            throw new IncompatibleStoreException(
                $"{path} was written with store schema version {version}; this ImageBench reads version {Version}. " +
                "Open it with the ImageBench version that wrote it, or start a new run directory.");

        var foreign = await ForeignTablesAsync(connection, ct).ConfigureAwait(false);
        if (foreign.Count > 0)
            throw new IncompatibleStoreException(
                $"{path} is a SQLite database but not an ImageBench store (it has tables {string.Join(", ", foreign)}); refusing to write into it.");

        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using (var create = connection.CreateCommand())
        {
            create.Transaction = tx;
            create.CommandText = CreateTables + $"\nPRAGMA user_version = {Version};";
            await create.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        await tx.CommitAsync(ct).ConfigureAwait(false);
    }

    private static async Task<long> ReadUserVersionAsync(SqliteConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        return (long)(await command.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
    }

    private static async Task<List<string>> ForeignTablesAsync(SqliteConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name;";
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            var name = reader.GetString(0);
            if (!Tables.Contains(name, StringComparer.Ordinal)) names.Add(name);
        }
        return names;
    }
}
