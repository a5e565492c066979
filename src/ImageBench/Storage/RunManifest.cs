using System.Text.Json.Nodes;

namespace ImageBench.Storage;

/// <summary>What a run was asked to do, written once when it starts; results.json carries it beside the attempts.</summary>
public sealed record RunManifest
{
    public required string RunId { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required string ToolVersion { get; init; }
    public required string SuiteName { get; init; }
    public required string SuitePath { get; init; }
    public required string SuiteSha256 { get; init; }
    public required IReadOnlyList<string> Models { get; init; }
    public required int Repeat { get; init; }
    /// <summary>The catalog entries used, as JSON (prices with their dates; never keys).</summary>
    public required JsonArray Catalog { get; init; }
    /// <summary>Run parameters (timeout, budget, concurrency, …) as given.</summary>
    public JsonObject Parameters { get; init; } = [];
    /// <summary>When the run talked to the built-in emulator: its time-scale factor. Null for real APIs.</summary>
    public double? EmulatorTimeScale { get; init; }
}
