using System.Globalization;
using System.Text.Json;

namespace ImageBench.Emulator;

/// <summary>
/// What <c>GET /_emulator/stats</c> answers (snake_case JSON; docs/emulator.md "Counters"). A submission is a create
/// call the emulator received (authenticated and valid): a synchronous generation or an async job submission;
/// <see cref="Billed"/> those it accepted (not rejected by a fault, not refused). Billed above the number of
/// slots a run has means a slot was paid for twice.
/// </summary>
public sealed record EmulatorStatsSnapshot(
    double TimeScale, int Seed, int Calls, int Submissions, int Billed, int Refusals, int Polls, int Deliveries,
    int DeliveriesWithCredentials, int RequestsWithKey, int RequestsWithoutKey, int FaultsInjected,
    IReadOnlyDictionary<string, int> Faults, IReadOnlyDictionary<string, ModelStatsSnapshot> Models)
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    public static EmulatorStatsSnapshot FromJson(string json) =>
        JsonSerializer.Deserialize<EmulatorStatsSnapshot>(json, Options) ?? throw new JsonException("emulator stats: null");

    /// <summary>What <c>imagebench emulator</c> prints when stopped: "{lead} N calls: …", then one line per model.</summary>
    public IReadOnlyList<string> Summary(string lead)
    {
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"{lead} {Calls} calls: {Submissions} submissions ({Billed} billed, {Refusals} refused), {Polls} polls, {Deliveries} deliveries, {FaultsInjected} faults injected{Breakdown(Faults)}"),
        };
        foreach (var (model, m) in Models)
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"  {model}{(m.Protocol is null ? "" : $" ({m.Protocol})")}: {m.Submissions} submissions, {m.Billed} billed, {m.Refusals} refused, {m.Polls} polls, {m.Deliveries} deliveries{Breakdown(m.Faults)}"));
        return lines;
    }

    private static string Breakdown(IReadOnlyDictionary<string, int> faults) =>
        faults.Count == 0 ? "" : " (" + string.Join(", ", faults.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Key} ×{f.Value}"))) + ")";
}

/// <summary>One model's counters in <see cref="EmulatorStatsSnapshot.Models"/> (keyed by the upstream name sent).</summary>
public sealed record ModelStatsSnapshot(string? Protocol, int Submissions, int Billed, int Refusals, int Polls, int Deliveries, IReadOnlyDictionary<string, int> Faults);
