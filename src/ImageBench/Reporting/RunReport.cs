using ImageBench.Attempts;
using ImageBench.Statistics;

namespace ImageBench.Reporting;

/// <summary>
/// One run, ready to print: run facts, per-model statistics, the article's tables and the per-prompt sections.
/// Built by <see cref="RunReportBuilder"/>; every writer renders this and nothing else.
/// </summary>
public sealed record RunReport
{
    public required string Title { get; init; }
    public required string RunId { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required string ToolVersion { get; init; }
    public required string SuiteName { get; init; }
    public required string SuiteSha256 { get; init; }
    public int Repeat { get; init; }
    public double? EmulatorTimeScale { get; init; }
    /// <summary>Says whether latencies are real or the emulator's scaled ones, with the factor.</summary>
    public required string TimingNote { get; init; }

    public required IReadOnlyList<ReportModel> Models { get; init; }

    /// <summary>The article's headline table: price, mean latency, best/worst at, output format.</summary>
    public required ReportTable DimensionTable { get; init; }
    /// <summary>The article's latency table, plus quantiles, the median's interval, phases and failure counts.</summary>
    public required ReportTable LatencyTable { get; init; }
    public required ReportTable CostTable { get; init; }
    public required ReportTable OutcomeTable { get; init; }
    /// <summary>Per capability: each model's share of checks passed and the winner; null when nothing was scored.</summary>
    public ReportTable? CapabilityTable { get; init; }
    /// <summary>"FLUX 1.1 Pro is roughly 9.2× faster than GPT Image 2 (ratio of mean latencies)."; null without two timed models.</summary>
    public string? SpeedSentence { get; init; }
    /// <summary>"12 of 14 attempts produced an image; 2 did not (1 refused, 1 timed out)."</summary>
    public required string FailureSentence { get; init; }
    /// <summary>Where the run stands when it is not simply finished (in progress, interrupted by the user or by a crash, stopped at the budget); null when finished.</summary>
    public string? StatusSentence { get; init; }

    /// <summary>Model id → capability → score in [0, 1]; filled by scoring, null until then.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>>? CapabilityScores { get; init; }

    public required IReadOnlyList<PromptSection> Prompts { get; init; }
    /// <summary>Every attempt of the run, for the CSV export.</summary>
    public required IReadOnlyList<Attempt> Attempts { get; init; }

    public IReadOnlyList<ReportTable> Tables =>
        CapabilityTable is null ? [DimensionTable, LatencyTable, CostTable, OutcomeTable] : [DimensionTable, CapabilityTable, LatencyTable, CostTable, OutcomeTable];
}

/// <summary>A model column: its id, the name people know it by, and its statistics.</summary>
public sealed record ReportModel(string Id, string Name, ModelStats Stats);
