using Microsoft.Data.Sqlite;

namespace ImageBench.Storage.Sqlite;

/// <summary>Connection string and per-connection pragmas of the run store.</summary>
internal static class SqliteConnectionSetup
{
    /// <summary>How long a write waits for another process holding the file (a report reading a live run).</summary>
    private const int BusyTimeoutMs = 5000;

    public static SqliteConnection Create(string path) => new(new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        // No pooling: disposing the store must really close the file (tests reopen it; users move run directories).
        Pooling = false,
    }.ToString());

    public static async Task OpenAsync(SqliteConnection connection, string path, CancellationToken ct)
    {
        // Before SQLite touches the files: it would create tables in an empty file and discard a damaged log.
        if (Recovery.StoreFileCheck.FindDamage(path) is { } damage)
            throw new UnusableStoreException(path, StoreProblem.Damaged, damage);
        try
        {
            await connection.OpenAsync(ct).ConfigureAwait(false);
            // journal_mode is stored in the file; synchronous and busy_timeout are per connection, so set all each time.
            var mode = await ScalarAsync(connection, "PRAGMA journal_mode = WAL;", ct).ConfigureAwait(false);
            if (!string.Equals(mode as string, "wal", StringComparison.OrdinalIgnoreCase))
                throw new IOException($"{path}: SQLite refused WAL journal mode (got '{mode}'); is the file on a network share?");
            // FULL: the WAL is fsynced at every commit, so a returned SaveAttemptAsync survives SIGKILL and power loss.
            await ScalarAsync(connection, "PRAGMA synchronous = FULL;", ct).ConfigureAwait(false);
            await ScalarAsync(connection, $"PRAGMA busy_timeout = {BusyTimeoutMs};", ct).ConfigureAwait(false);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 26) // SQLITE_NOTADB
        {
            throw new IncompatibleStoreException(path, StoreProblem.NotAStore, $"{path} is not a SQLite database; refusing to use it as the run store.", e);
        }
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(ct).ConfigureAwait(false);
    }
}
