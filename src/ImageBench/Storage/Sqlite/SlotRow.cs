using System.Text.Json;
using ImageBench.Attempts;
using ImageBench.Providers;
using Microsoft.Data.Sqlite;

namespace ImageBench.Storage.Sqlite;

/// <summary>
/// Converts between slot rows and <see cref="SlotState"/>: phase names, and the JSON columns (always written with
/// <see cref="ResultJson.Compact"/>, so the store and results.json agree on every field name).
/// </summary>
internal static class SlotRow
{
    public const string Columns = "model, prompt_id, repeat, phase, job_json, interrupted_calls, attempt_json, owner, lease_until_ms";

    public static string PhaseName(SlotPhase phase) => phase switch
    {
        SlotPhase.Sent => "sent",
        SlotPhase.Submitted => "submitted",
        SlotPhase.Done => "done",
        SlotPhase.Planned => "planned",
        SlotPhase.Claimed => "claimed",
        _ => throw new ArgumentOutOfRangeException(nameof(phase)),
    };

    public static SlotPhase ParsePhase(string value) => value switch
    {
        "sent" => SlotPhase.Sent,
        "submitted" => SlotPhase.Submitted,
        "done" => SlotPhase.Done,
        "planned" => SlotPhase.Planned,
        "claimed" => SlotPhase.Claimed,
        _ => throw new InvalidDataException($"unknown slot phase '{value}'"),
    };

    public static string ToJson(Attempt attempt) => JsonSerializer.Serialize(attempt, ResultJson.Compact);

    public static string ToJson(JobHandle job) => JsonSerializer.Serialize(job, ResultJson.Compact);

    /// <summary>Reads a row selected with <see cref="Columns"/>.</summary>
    public static SlotState Read(SqliteDataReader reader)
    {
        var key = new SlotKey(reader.GetString(0), reader.GetString(1), reader.GetInt32(2));
        var phase = ParsePhase(reader.GetString(3));
        var job = reader.IsDBNull(4) ? null : Deserialize<JobHandle>(reader.GetString(4), key, "job_json");
        var interrupted = reader.GetInt32(5);
        var attempt = phase == SlotPhase.Done && !reader.IsDBNull(6)
            ? Deserialize<Attempt>(reader.GetString(6), key, "attempt_json")
            : null;
        if (phase == SlotPhase.Done && attempt is null)
            throw new InvalidDataException($"slot {key} is done but has no attempt stored");
        return new SlotState(key, phase, job, interrupted, attempt)
        {
            Owner = reader.IsDBNull(7) || reader.GetString(7).Length == 0 ? null : reader.GetString(7),
            LeaseUntil = reader.IsDBNull(8) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(8)),
        };
    }

    internal static T Deserialize<T>(string json, SlotKey key, string column)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, ResultJson.Compact)
                ?? throw new InvalidDataException($"slot {key}: {column} is null");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"slot {key}: {column} cannot be read ({e.Message})", e);
        }
    }
}
