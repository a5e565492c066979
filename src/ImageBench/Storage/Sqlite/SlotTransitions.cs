using ImageBench.Attempts;
using Microsoft.Data.Sqlite;

namespace ImageBench.Storage.Sqlite;

/// <summary>What a slot row holds before a write: enough to choose the transition.</summary>
internal sealed record StoredSlot(SlotPhase Phase, string? Outcome, int InterruptedCalls)
{
    /// <summary>A cancelled attempt is the only stored outcome a resumed run may replace ("resume retries it").</summary>
    public bool IsReplaceable => Phase != SlotPhase.Done || Outcome == AttemptOutcome.Cancelled.ToWire();
}

/// <summary>
/// The slot state machine, as SQL. Parameters: $model, $prompt, $repeat, $now, and $job / $attempt / $outcome /
/// $interrupted where used.
/// <code>
///   (none) ─MarkSent→ sent ─SaveJob→ submitted ─SaveAttempt→ done
///   sent|submitted ─MarkSent→ sent, interrupted_calls+1   (the earlier call's answer was lost to a crash)
///   done(cancelled) ─MarkSent|SaveJob|SaveAttempt→ as from (none), counter kept
///   done(other) ─any→ InvalidOperationException           (each slot stores exactly one attempt)
/// </code>
/// SaveAttempt keeps job_json, so the job a done slot came from stays on record.
/// </summary>
internal static class SlotTransitions
{
    private const string Key = "model = $model AND prompt_id = $prompt AND repeat = $repeat";
    private const string Insert = "INSERT INTO slots (model, prompt_id, repeat, phase, job_json, interrupted_calls, attempt_json, outcome, updated_at) VALUES ($model, $prompt, $repeat, ";

    public static async Task<StoredSlot?> ReadAsync(SqliteConnection connection, SqliteTransaction tx, SlotKey slot)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = $"SELECT phase, outcome, interrupted_calls FROM slots WHERE {Key};";
        command.Parameters.AddWithValue("$model", slot.Model);
        command.Parameters.AddWithValue("$prompt", slot.PromptId);
        command.Parameters.AddWithValue("$repeat", slot.Repeat);
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        if (!await reader.ReadAsync().ConfigureAwait(false)) return null;
        return new StoredSlot(SlotRow.ParsePhase(reader.GetString(0)), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt32(2));
    }

    public static string MarkSentSql(SlotKey slot, StoredSlot? current) => current switch
    {
        null => Insert + "'sent', NULL, 0, NULL, NULL, $now);",
        { Phase: SlotPhase.Sent or SlotPhase.Submitted } =>
            $"UPDATE slots SET phase = 'sent', job_json = NULL, interrupted_calls = interrupted_calls + 1, updated_at = $now WHERE {Key};",
        { IsReplaceable: true } =>
            $"UPDATE slots SET phase = 'sent', job_json = NULL, attempt_json = NULL, outcome = NULL, updated_at = $now WHERE {Key};",
        _ => throw AlreadyDone(slot, current),
    };

    public static string SaveJobSql(SlotKey slot, StoredSlot? current) => current switch
    {
        null => Insert + "'submitted', $job, 0, NULL, NULL, $now);",
        { IsReplaceable: true } =>
            $"UPDATE slots SET phase = 'submitted', job_json = $job, attempt_json = NULL, outcome = NULL, updated_at = $now WHERE {Key};",
        _ => throw AlreadyDone(slot, current),
    };

    public static string SaveAttemptSql(SlotKey slot, StoredSlot? current) => current switch
    {
        null => Insert + "'done', NULL, $interrupted, $attempt, $outcome, $now);",
        { IsReplaceable: true } =>
            $"UPDATE slots SET phase = 'done', attempt_json = $attempt, outcome = $outcome, interrupted_calls = $interrupted, updated_at = $now WHERE {Key};",
        _ => throw AlreadyDone(slot, current),
    };

    private static InvalidOperationException AlreadyDone(SlotKey slot, StoredSlot current) =>
        new($"slot {slot} already has a stored attempt (outcome {current.Outcome}); each slot stores exactly one attempt");
}
