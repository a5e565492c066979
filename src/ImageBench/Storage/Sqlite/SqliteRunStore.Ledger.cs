using System.Globalization;
using ImageBench.Providers;
using Microsoft.Data.Sqlite;

namespace ImageBench.Storage.Sqlite;

/// <summary>
/// The ledger on SQLite: every operation is one BEGIN IMMEDIATE transaction, which takes the file's write lock
/// before reading, so two processes can never both see a slot as free and both claim it.
/// </summary>
public sealed partial class SqliteRunStore
{
    private const string LiveClaimPhases = "('claimed', 'sent', 'submitted')";

    public Task PlanAsync(IReadOnlyList<SlotKey> slots, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(slots);
        return _db.InTransactionAsync(async (connection, tx) =>
        {
            await using var command = connection.CreateCommand();
            command.Transaction = tx;
            command.CommandText = """
                INSERT INTO slots (model, prompt_id, repeat, phase, plan_index, updated_at) VALUES ($model, $prompt, $repeat, 'planned', $index, $now)
                ON CONFLICT (model, prompt_id, repeat) DO UPDATE SET plan_index = excluded.plan_index;
                """;
            var model = command.Parameters.Add("$model", SqliteType.Text);
            var prompt = command.Parameters.Add("$prompt", SqliteType.Text);
            var repeat = command.Parameters.Add("$repeat", SqliteType.Integer);
            var index = command.Parameters.Add("$index", SqliteType.Integer);
            command.Parameters.AddWithValue("$now", Now());
            for (var i = 0; i < slots.Count; i++)
            {
                (model.Value, prompt.Value, repeat.Value, index.Value) = (slots[i].Model, slots[i].PromptId, slots[i].Repeat, i);
                await command.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
            return true;
        }, ct);
    }

    public Task RegisterOwnerAsync(LedgerOwner owner, TimeSpan lease, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(owner);
        return _db.InTransactionAsync(async (connection, tx) =>
        {
            await SerializedConnection.ExecuteAsync(connection, tx, """
                INSERT INTO owners (id, host, pid, process_started_at, started_at, heartbeat_at, lease_ms)
                VALUES ($id, $host, $pid, $process, $now, $now, $lease)
                ON CONFLICT (id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at, lease_ms = excluded.lease_ms, ended_at = NULL, ending = NULL;
                """,
                ("$id", owner.Id), ("$host", owner.Host), ("$pid", owner.Pid), ("$process", owner.ProcessStartedAt is { } p ? Stamp(p) : null),
                ("$now", Now()), ("$lease", (long)lease.TotalMilliseconds)).ConfigureAwait(false);
            return true;
        }, ct);
    }

    public Task<ClaimResult> ClaimNextAsync(ClaimRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _db.InTransactionAsync<ClaimResult>(async (connection, tx) =>
        {
            var nowMs = _time.GetUtcNow().ToUnixTimeMilliseconds();
            await ReapGoneOwnersAsync(connection, tx).ConfigureAwait(false);
            var candidate = await NextClaimableAsync(connection, tx, request.EstimateUsd.Keys, nowMs).ConfigureAwait(false);
            if (candidate is null) return new ClaimResult.NoneLeft(await HeldByOthersAsync(connection, tx, request, nowMs).ConfigureAwait(false));

            // A submitted job is already paid for: finishing it never needs budget.
            var estimate = candidate.Phase == SlotPhase.Submitted ? 0m : request.EstimateUsd[candidate.Key.Model];
            if (request.BudgetUsd is { } limit)
            {
                var (spent, reserved) = await SpendingAsync(connection, tx, nowMs).ConfigureAwait(false);
                if (spent + reserved + estimate > limit) return new ClaimResult.OverBudget(spent, reserved, estimate);
            }
            await SerializedConnection.ExecuteAsync(connection, tx, $"""
                UPDATE slots SET owner = $owner, lease_until_ms = $until, reserved_micro_usd = $reserved, updated_at = $now,
                    phase = CASE WHEN phase IN ('planned', 'done') THEN 'claimed' ELSE phase END,
                    attempt_json = CASE WHEN phase = 'done' THEN NULL ELSE attempt_json END,
                    outcome = CASE WHEN phase = 'done' THEN NULL ELSE outcome END,
                    cost_micro_usd = CASE WHEN phase = 'done' THEN NULL ELSE cost_micro_usd END
                WHERE {SlotTransitions.Key};
                UPDATE owners SET heartbeat_at = $now WHERE id = $owner;
                """,
                ("$owner", request.Owner), ("$until", nowMs + (long)request.Lease.TotalMilliseconds), ("$reserved", Money.ToMicro(estimate)),
                ("$now", Now()), ("$model", candidate.Key.Model), ("$prompt", candidate.Key.PromptId), ("$repeat", candidate.Key.Repeat)).ConfigureAwait(false);
            return new ClaimResult.Claimed(candidate with { Owner = request.Owner, ReservedUsd = estimate });
        }, ct);
    }

    public Task<int> RenewAsync(string owner, TimeSpan lease, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        return _db.InTransactionAsync(async (connection, tx) =>
        {
            await using var command = connection.CreateCommand();
            command.Transaction = tx;
            // Only claims still leased are renewed: a released one stays free for anyone.
            command.CommandText = $"""
                UPDATE slots SET lease_until_ms = $until WHERE owner = $owner AND phase IN {LiveClaimPhases} AND lease_until_ms IS NOT NULL;
                SELECT changes();
                """;
            command.Parameters.AddWithValue("$owner", owner);
            command.Parameters.AddWithValue("$until", _time.GetUtcNow().ToUnixTimeMilliseconds() + (long)lease.TotalMilliseconds);
            var renewed = Convert.ToInt32(await command.ExecuteScalarAsync().ConfigureAwait(false), CultureInfo.InvariantCulture);
            await SerializedConnection.ExecuteAsync(connection, tx, "UPDATE owners SET heartbeat_at = $now WHERE id = $owner;", ("$now", Now()), ("$owner", owner)).ConfigureAwait(false);
            return renewed;
        }, ct);
    }

    public Task ReleaseAsync(Claim claim, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return _db.InTransactionAsync(async (connection, tx) =>
        {
            await SerializedConnection.ExecuteAsync(connection, tx, ReleaseSql($"owner = $owner AND {SlotTransitions.Key}"),
                ("$owner", claim.Owner), ("$model", claim.Key.Model), ("$prompt", claim.Key.PromptId), ("$repeat", claim.Key.Repeat), ("$now", Now())).ConfigureAwait(false);
            return true;
        }, ct);
    }

    public Task EndOwnerAsync(string owner, string ending, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        return _db.InTransactionAsync(async (connection, tx) =>
        {
            await SerializedConnection.ExecuteAsync(connection, tx, ReleaseSql("owner = $owner") + """
                UPDATE owners SET ended_at = $now, ending = $ending WHERE id = $owner;
                """, ("$owner", owner), ("$ending", ending), ("$now", Now())).ConfigureAwait(false);
            return true;
        }, ct);
    }

    /// <summary>Unsent claims go back to planned; sent and submitted slots keep their phase (and so their money rule) with no lease.</summary>
    private static string ReleaseSql(string where) => $"""
        UPDATE slots SET phase = 'planned', owner = NULL, lease_until_ms = NULL, reserved_micro_usd = 0, updated_at = $now WHERE phase = 'claimed' AND {where};
        UPDATE slots SET lease_until_ms = NULL, reserved_micro_usd = 0, updated_at = $now WHERE phase IN ('sent', 'submitted') AND {where};
        """;

    /// <summary>
    /// Owners on this host whose process is gone (SIGKILL, crash) are ended as died and their claims released,
    /// so a resume right after a kill takes their slots at once instead of waiting for the leases to run out.
    /// </summary>
    private async Task ReapGoneOwnersAsync(SqliteConnection connection, SqliteTransaction tx)
    {
        var gone = new List<string>();
        foreach (var owner in await LedgerRows.ReadOwnersAsync(connection, tx, _time.GetUtcNow()).ConfigureAwait(false))
            if (owner.EndedAt is null && ProcessLiveness.IsGone(owner.Owner))
                gone.Add(owner.Owner.Id);
        foreach (var id in gone)
            await SerializedConnection.ExecuteAsync(connection, tx, ReleaseSql("owner = $owner") + """
                UPDATE owners SET ended_at = $now, ending = 'died' WHERE id = $owner;
                """, ("$owner", id), ("$now", Now())).ConfigureAwait(false);
    }

    private static async Task<Claim?> NextClaimableAsync(SqliteConnection connection, SqliteTransaction tx, IEnumerable<string> models, long nowMs)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        var inModels = ModelFilter(command, models);
        if (inModels is null) return null;
        command.CommandText = $"""
            SELECT model, prompt_id, repeat, phase, job_json, interrupted_calls FROM slots
            WHERE plan_index IS NOT NULL AND model IN ({inModels})
              AND (lease_until_ms IS NULL OR lease_until_ms < $now)
              AND (phase IN ('planned', 'claimed', 'sent', 'submitted') OR (phase = 'done' AND outcome = 'cancelled'))
            ORDER BY plan_index LIMIT 1;
            """;
        command.Parameters.AddWithValue("$now", nowMs);
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        if (!await reader.ReadAsync().ConfigureAwait(false)) return null;
        var key = new SlotKey(reader.GetString(0), reader.GetString(1), reader.GetInt32(2));
        var phase = SlotRow.ParsePhase(reader.GetString(3));
        var job = reader.IsDBNull(4) ? null : SlotRow.Deserialize<JobHandle>(reader.GetString(4), key, "job_json");
        // A cancelled attempt is retried from scratch; a claim whose holder vanished before sending is as good as planned.
        var found = phase is SlotPhase.Done or SlotPhase.Claimed ? SlotPhase.Planned : phase;
        return new Claim(key, "", found, found == SlotPhase.Submitted ? job : null, reader.GetInt32(5), 0);
    }

    private static async Task<int> HeldByOthersAsync(SqliteConnection connection, SqliteTransaction tx, ClaimRequest request, long nowMs)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        var inModels = ModelFilter(command, request.EstimateUsd.Keys);
        if (inModels is null) return 0;
        command.CommandText = $"""
            SELECT count(*) FROM slots WHERE model IN ({inModels})
              AND phase IN {LiveClaimPhases} AND lease_until_ms >= $now AND owner <> $owner;
            """;
        command.Parameters.AddWithValue("$now", nowMs);
        command.Parameters.AddWithValue("$owner", request.Owner);
        return Convert.ToInt32(await command.ExecuteScalarAsync().ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    /// <summary>Binds one parameter per model and returns the list for <c>model IN (…)</c>; null for no model.</summary>
    private static string? ModelFilter(SqliteCommand command, IEnumerable<string> models)
    {
        var names = new List<string>();
        foreach (var model in models)
        {
            var name = $"$m{names.Count}";
            command.Parameters.AddWithValue(name, model);
            names.Add(name);
        }
        return names.Count == 0 ? null : string.Join(", ", names);
    }

    /// <summary>Money spent by every process (done and superseded attempts) and reserved by live claims, in USD.</summary>
    private static async Task<(decimal Spent, decimal Reserved)> SpendingAsync(SqliteConnection connection, SqliteTransaction? tx, long nowMs)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = $"""
            SELECT (SELECT coalesce(sum(cost_micro_usd), 0) FROM slots WHERE phase = 'done')
                 + (SELECT coalesce(sum(cost_micro_usd), 0) FROM superseded_attempts),
                   (SELECT coalesce(sum(reserved_micro_usd), 0) FROM slots WHERE phase IN {LiveClaimPhases} AND lease_until_ms >= $now);
            """;
        command.Parameters.AddWithValue("$now", nowMs);
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        await reader.ReadAsync().ConfigureAwait(false);
        return (Money.FromMicro(reader.GetInt64(0)), Money.FromMicro(reader.GetInt64(1)));
    }

    public Task<LedgerSummary> LoadLedgerAsync(CancellationToken ct) =>
        _db.UseAsync(async connection =>
        {
            var nowMs = _time.GetUtcNow().ToUnixTimeMilliseconds();
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            var held = 0;
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT phase, count(*), sum(CASE WHEN lease_until_ms >= $now THEN 1 ELSE 0 END) FROM slots GROUP BY phase;";
                command.Parameters.AddWithValue("$now", nowMs);
                await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
                while (await reader.ReadAsync().ConfigureAwait(false))
                {
                    counts[reader.GetString(0)] = reader.GetInt32(1);
                    if (reader.GetString(0) != "done") held += reader.GetInt32(2);
                }
            }
            var owners = await LedgerRows.ReadOwnersAsync(connection, null, _time.GetUtcNow()).ConfigureAwait(false);
            var superseded = await LedgerRows.CountSupersededAsync(connection).ConfigureAwait(false);
            var (spent, _) = await SpendingAsync(connection, null, nowMs).ConfigureAwait(false);
            return new LedgerSummary(counts.GetValueOrDefault("planned"), counts.GetValueOrDefault("claimed"), counts.GetValueOrDefault("sent"),
                counts.GetValueOrDefault("submitted"), counts.GetValueOrDefault("done"), held, owners, superseded) { SpentUsd = spent };
        }, ct);

    private static string Stamp(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);
}
