using Microsoft.Data.Sqlite;

namespace ImageBench.Storage.Sqlite;

/// <summary>
/// One SQLite connection shared by many concurrent callers: every use takes a <see cref="SemaphoreSlim"/> first,
/// because a SqliteConnection is not thread-safe and SQLite admits one writer at a time anyway.
/// </summary>
/// <remarks>
/// The token only cancels waiting for the lock. Once a caller holds it, its work runs to the commit with no
/// cancellation, so a slot is never left half-written because the run was cancelled.
/// </remarks>
internal sealed class SerializedConnection : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _disposed;

    public SerializedConnection(SqliteConnection connection) => _connection = connection;

    /// <summary>Runs <paramref name="body"/> alone on the connection (reads, pragmas).</summary>
    public async Task<T> UseAsync<T>(Func<SqliteConnection, Task<T>> body, CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return await body(_connection).ConfigureAwait(false);
        }
        // Every read and write passes here: a corrupt page or an unreadable row becomes one "store cannot be used" error.
        catch (Exception e) when (e is not OperationCanceledException)
        {
            if (StoreFailure.TryTranslate(e, _connection.DataSource, _connection, out var unusable)) throw unusable;
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Runs <paramref name="body"/> in its own transaction, committed before this returns.</summary>
    public Task<T> InTransactionAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> body, CancellationToken ct) =>
        UseAsync(async connection =>
        {
            // deferred: false → BEGIN IMMEDIATE: take the write lock up front so a reader in another process
            // cannot make our read-then-write transaction fail half-way with SQLITE_BUSY.
            await using var tx = connection.BeginTransaction(deferred: false);
            var result = await body(connection, tx).ConfigureAwait(false);
            await tx.CommitAsync().ConfigureAwait(false);
            return result;
        }, ct);

    public static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction tx, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
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
}
