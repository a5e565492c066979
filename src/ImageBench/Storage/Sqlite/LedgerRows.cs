using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ImageBench.Storage.Sqlite;

/// <summary>Reads the ledger's owner and superseded rows.</summary>
internal static class LedgerRows
{
    /// <summary>Missing this many heartbeats in a row makes an owner stale: gone or hung.</summary>
    private const int HeartbeatsBeforeStale = 2;

    public static async Task<IReadOnlyList<LedgerOwnerState>> ReadOwnersAsync(SqliteConnection connection, SqliteTransaction? tx, DateTimeOffset now)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = "SELECT id, host, pid, process_started_at, started_at, heartbeat_at, lease_ms, ended_at, ending FROM owners ORDER BY started_at, id;";
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        var owners = new List<LedgerOwnerState>();
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            var owner = new LedgerOwner(reader.GetString(0), reader.GetString(1), reader.GetInt32(2),
                reader.IsDBNull(3) ? null : Parse(reader.GetString(3)), Parse(reader.GetString(4)));
            var heartbeat = Parse(reader.GetString(5));
            var ended = reader.IsDBNull(7) ? (DateTimeOffset?)null : Parse(reader.GetString(7));
            var stale = ended is null && (now - heartbeat > TimeSpan.FromMilliseconds(reader.GetInt64(6) * HeartbeatsBeforeStale) || ProcessLiveness.IsGone(owner));
            owners.Add(new LedgerOwnerState(owner, heartbeat, ended, reader.IsDBNull(8) ? null : reader.GetString(8), stale));
        }
        return owners;
    }

    public static async Task<int> CountSupersededAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM superseded_attempts;";
        return Convert.ToInt32(await command.ExecuteScalarAsync().ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    private static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
