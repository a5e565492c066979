using System.Text.Json;
using ImageBench.Attempts;
using ImageBench.Storage.Recovery;

namespace ImageBench.Storage.Sqlite;

/// <summary>
/// Writing rows salvaged from a damaged store into a fresh one (<c>imagebench doctor --repair</c>). Rows go in as
/// they were read, not through the slot state machine: their history already happened, and a resumed run must
/// see exactly the phases (sent, submitted, done) the damaged store held.
/// </summary>
public sealed partial class SqliteRunStore
{
    /// <summary>Stores the manifest, every slot and every score in one transaction: a repair is all there or not at all.</summary>
    /// <remarks>The columns are schema 2's; a schema change adapts this method (and only this one) for the doctor.</remarks>
    internal Task RestoreAsync(RunManifest manifest, IReadOnlyCollection<SlotState> slots, IReadOnlyCollection<SalvagedScore> scores, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(slots);
        ArgumentNullException.ThrowIfNull(scores);
        return _db.InTransactionAsync(async (connection, tx) =>
        {
            var now = Now();
            await SerializedConnection.ExecuteAsync(connection, tx,
                "INSERT INTO manifest (id, manifest_json, saved_at) VALUES (1, $json, $now);",
                ("$json", JsonSerializer.Serialize(manifest, ResultJson.Compact)), ("$now", now)).ConfigureAwait(false);
            foreach (var slot in slots)
                await SerializedConnection.ExecuteAsync(connection, tx,
                    // No owner and no lease: whoever resumes claims them; plan order comes back with the resumed plan.
                    "INSERT INTO slots (model, prompt_id, repeat, phase, job_json, interrupted_calls, attempt_json, outcome, cost_micro_usd, updated_at) " +
                    "VALUES ($model, $prompt, $repeat, $phase, $job, $interrupted, $attempt, $outcome, $cost, $now);",
                    ("$model", slot.Key.Model), ("$prompt", slot.Key.PromptId), ("$repeat", slot.Key.Repeat),
                    ("$phase", SlotRow.PhaseName(slot.Phase)), ("$job", slot.Job is null ? null : SlotRow.ToJson(slot.Job)),
                    ("$interrupted", slot.InterruptedCalls), ("$attempt", slot.Attempt is null ? null : SlotRow.ToJson(slot.Attempt)),
                    ("$outcome", slot.Attempt?.Outcome.ToWire()), ("$cost", slot.Attempt?.CostUsd is { } c ? Money.ToMicro(c) : null),
                    ("$now", now)).ConfigureAwait(false);
            foreach (var score in scores)
                await SerializedConnection.ExecuteAsync(connection, tx,
                    "INSERT OR REPLACE INTO scores (image_sha256, scorer, version, expectations_hash, result_json) VALUES ($sha, $scorer, $version, $expect, $json);",
                    ("$sha", score.Key.ImageSha256), ("$scorer", score.Key.Scorer), ("$version", score.Key.Version),
                    ("$expect", score.Key.ExpectationsHash), ("$json", JsonSerializer.Serialize(score.Result, ResultJson.Compact))).ConfigureAwait(false);
            return true;
        }, ct);
    }
}
