using ImageBench.Attempts;
using Microsoft.Data.Sqlite;

namespace ImageBench.Storage.Sqlite;

/// <summary>What a slot row holds before a write: enough to choose the transition and check the claim.</summary>
internal sealed record StoredSlot(SlotPhase Phase, string? Outcome, int InterruptedCalls, string? Owner, long? LeaseUntilMs)
{
    /// <summary>A cancelled attempt is the only stored outcome a resumed run may replace ("resume retries it").</summary>
    public bool IsReplaceable => Phase != SlotPhase.Done || Outcome == AttemptOutcome.Cancelled.ToWire();

    public bool HasLiveLease(long nowMs) => LeaseUntilMs is { } until && until >= nowMs;
}

/// <summary>
/// The slot state machine, as SQL. Parameters: $model, $prompt, $repeat, $now, $owner, and $job / $attempt /
/// $outcome / $interrupted / $cost where used.
/// <code>
///   (none)|planned|claimed ─MarkSent→ sent ─SaveJob→ submitted ─SaveAttempt→ done
///   sent|submitted ─MarkSent→ sent, interrupted_calls+1   (the earlier call's answer was lost)
///   done(cancelled) ─any→ as from planned, counter kept
///   done(other) ─MarkSent→ InvalidOperationException     (each slot stores exactly one attempt)
/// </code>
/// Who may write: the claim's owner (sending also needs its lease to be live); an unowned write only while no
/// other process holds a live lease. SaveJob and SaveAttempt from a process that lost the slot — or on a slot
/// already done — are paid work that must not be lost: the store keeps them as superseded, never as the slot's.
/// </summary>
internal static class SlotTransitions
{
    public const string Key = "model = $model AND prompt_id = $prompt AND repeat = $repeat";
    private const string Insert = "INSERT INTO slots (model, prompt_id, repeat, phase, owner, job_json, interrupted_calls, attempt_json, outcome, cost_micro_usd, updated_at) VALUES ($model, $prompt, $repeat, ";

    public static async Task<StoredSlot?> ReadAsync(SqliteConnection connection, SqliteTransaction tx, SlotKey slot)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = $"SELECT phase, outcome, interrupted_calls, owner, lease_until_ms FROM slots WHERE {Key};";
        command.Parameters.AddWithValue("$model", slot.Model);
        command.Parameters.AddWithValue("$prompt", slot.PromptId);
        command.Parameters.AddWithValue("$repeat", slot.Repeat);
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        if (!await reader.ReadAsync().ConfigureAwait(false)) return null;
        return new StoredSlot(SlotRow.ParsePhase(reader.GetString(0)), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt32(2),
            reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetInt64(4));
    }

    /// <summary>True when <paramref name="claim"/> entitles its holder to write this slot at all.</summary>
    public static bool Holds(Claim claim, StoredSlot? current, long nowMs) =>
        current is null
        || (claim.IsUnowned
            ? string.IsNullOrEmpty(current.Owner) || !current.HasLiveLease(nowMs)
            : string.Equals(current.Owner, claim.Owner, StringComparison.Ordinal));

    public static string MarkSentSql(SlotKey slot, Claim claim, StoredSlot? current, long nowMs)
    {
        if (!Holds(claim, current, nowMs) || (!claim.IsUnowned && current is not null && !current.HasLiveLease(nowMs)))
            throw new LeaseLostException($"slot {slot}: this process's claim ran out and the slot is no longer its to send (owner now {current?.Owner ?? "none"})");
        return current switch
        {
            null => Insert + "'sent', $owner, NULL, 0, NULL, NULL, NULL, $now);",
            { Phase: SlotPhase.Planned or SlotPhase.Claimed } =>
                $"UPDATE slots SET phase = 'sent', owner = $owner, updated_at = $now WHERE {Key};",
            { Phase: SlotPhase.Sent or SlotPhase.Submitted } =>
                $"UPDATE slots SET phase = 'sent', owner = $owner, job_json = NULL, interrupted_calls = interrupted_calls + 1, updated_at = $now WHERE {Key};",
            { IsReplaceable: true } =>
                $"UPDATE slots SET phase = 'sent', owner = $owner, job_json = NULL, attempt_json = NULL, outcome = NULL, cost_micro_usd = NULL, updated_at = $now WHERE {Key};",
            _ => throw AlreadyDone(slot, current),
        };
    }

    /// <summary>Null: the job is not this claim's to record (see <see cref="SlotTransitions"/>); keep it as superseded.</summary>
    public static string? SaveJobSql(Claim claim, StoredSlot? current, long nowMs) => current switch
    {
        _ when !Holds(claim, current, nowMs) => null,
        null => Insert + "'submitted', $owner, $job, 0, NULL, NULL, NULL, $now);",
        { IsReplaceable: true } =>
            $"UPDATE slots SET phase = 'submitted', owner = $owner, job_json = $job, attempt_json = NULL, outcome = NULL, cost_micro_usd = NULL, updated_at = $now WHERE {Key};",
        _ => null,
    };

    /// <summary>Null: the attempt is not this claim's to record; keep it as superseded. Keeps job_json, so the job a done slot came from stays on record.</summary>
    public static string? SaveAttemptSql(Claim claim, StoredSlot? current, long nowMs) => current switch
    {
        _ when !Holds(claim, current, nowMs) => null,
        null => Insert + "'done', $owner, NULL, $interrupted, $attempt, $outcome, $cost, $now);",
        { IsReplaceable: true } =>
            $"UPDATE slots SET phase = 'done', owner = $owner, lease_until_ms = NULL, reserved_micro_usd = 0, attempt_json = $attempt, outcome = $outcome, cost_micro_usd = $cost, interrupted_calls = $interrupted, updated_at = $now WHERE {Key};",
        _ => null,
    };

    private static InvalidOperationException AlreadyDone(SlotKey slot, StoredSlot current) =>
        new($"slot {slot} already has a stored attempt (outcome {current.Outcome}); each slot stores exactly one attempt");
}
