using System.Text.Json;
using ImageBench.Attempts;
using Microsoft.Data.Sqlite;

namespace ImageBench.Storage.Sqlite;

/// <summary>
/// Brings a store written by an older ImageBench up to <see cref="SqliteSchema.Version"/>, one step per version,
/// all in one transaction: a failure leaves the file as it was.
/// </summary>
internal static class SqliteMigrations
{
    public static async Task UpgradeAsync(SqliteConnection connection, int from, CancellationToken ct)
    {
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        if (from < 2) await ToLedgerAsync(connection, tx, ct).ConfigureAwait(false);
        await using (var version = connection.CreateCommand())
        {
            version.Transaction = tx;
            version.CommandText = $"PRAGMA user_version = {SqliteSchema.Version};";
            await version.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        await tx.CommitAsync(ct).ConfigureAwait(false);
    }

    /// <summary>
    /// 1 → 2: the phase check widens (SQLite cannot alter a CHECK, so the table is rebuilt), the ledger columns and
    /// tables appear, and done slots get their cost in micro-dollars so budgets sum in SQL.
    /// </summary>
    private static async Task ToLedgerAsync(SqliteConnection connection, SqliteTransaction tx, CancellationToken ct)
    {
        await ExecAsync(connection, tx, "ALTER TABLE slots RENAME TO slots_v1; DROP INDEX IF EXISTS slots_by_outcome;", ct).ConfigureAwait(false);
        await ExecAsync(connection, tx, SqliteSchema.SlotsTable + SqliteSchema.LedgerTables + """
            INSERT INTO slots (model, prompt_id, repeat, phase, job_json, interrupted_calls, attempt_json, outcome, updated_at)
                SELECT model, prompt_id, repeat, phase, job_json, interrupted_calls, attempt_json, outcome, updated_at FROM slots_v1;
            DROP TABLE slots_v1;
            CREATE INDEX IF NOT EXISTS slots_by_outcome ON slots (outcome);
            CREATE INDEX IF NOT EXISTS slots_by_plan ON slots (phase, plan_index);
            """, ct).ConfigureAwait(false);

        var costs = new List<(string Model, string Prompt, long Repeat, long Micro)>();
        await using (var read = connection.CreateCommand())
        {
            read.Transaction = tx;
            read.CommandText = "SELECT model, prompt_id, repeat, attempt_json FROM slots WHERE phase = 'done' AND attempt_json IS NOT NULL;";
            await using var reader = await read.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                var attempt = JsonSerializer.Deserialize<Attempt>(reader.GetString(3), ResultJson.Compact);
                if (attempt?.CostUsd is { } cost)
                    costs.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2), Money.ToMicro(cost)));
            }
        }
        foreach (var (model, prompt, repeat, micro) in costs)
            await SerializedConnection.ExecuteAsync(connection, tx,
                "UPDATE slots SET cost_micro_usd = $cost WHERE model = $model AND prompt_id = $prompt AND repeat = $repeat;",
                ("$cost", micro), ("$model", model), ("$prompt", prompt), ("$repeat", repeat)).ConfigureAwait(false);
    }

    private static async Task ExecAsync(SqliteConnection connection, SqliteTransaction tx, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}
