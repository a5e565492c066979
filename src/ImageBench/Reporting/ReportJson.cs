using System.Text.Json.Nodes;
using ImageBench.Statistics;

namespace ImageBench.Reporting;

/// <summary>
/// The report's numbers as JSON for results.json's "summary" section: raw values (ms, USD), not formatted text,
/// so tools read them without parsing "58.6 s".
/// </summary>
public static class ReportJson
{
    public static JsonObject Summary(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var models = new JsonObject();
        foreach (var m in report.Models) models[m.Id] = Model(m);
        return new JsonObject
        {
            ["runId"] = report.RunId,
            ["suite"] = report.SuiteName,
            ["suiteSha256"] = report.SuiteSha256,
            ["emulatorTimeScale"] = report.EmulatorTimeScale,
            ["timingNote"] = report.TimingNote,
            ["speed"] = report.SpeedSentence,
            ["failures"] = report.FailureSentence,
            ["status"] = report.StatusSentence,
            ["models"] = models,
        };
    }

    private static JsonObject Model(ReportModel m)
    {
        var s = m.Stats;
        return new JsonObject
        {
            ["name"] = m.Name,
            ["attempts"] = s.Attempts,
            ["ok"] = s.Ok,
            ["refused"] = s.Refused,
            ["providerErrors"] = s.ProviderErrors,
            ["timeouts"] = s.Timeouts,
            ["invalidResponses"] = s.InvalidResponses,
            ["cancelled"] = s.Cancelled,
            ["retried"] = s.Retried,
            ["totalRetries"] = s.TotalRetries,
            ["interruptedCalls"] = s.InterruptedCalls,
            ["emulatorTimeScale"] = s.EmulatorTimeScale,
            ["successRate"] = s.SuccessRate,
            ["latencyMs"] = Summary(s.Latency),
            ["latencyExcludingRetriesMs"] = Summary(s.LatencyExcludingRetries),
            ["serverMs"] = Summary(s.ServerMs),
            ["serverMsSources"] = Counts(s.ServerMsSources),
            ["phaseMeanMs"] = new JsonObject(s.Phases.Select(p => KeyValuePair.Create(p.Phase, (JsonNode?)p.MeanMs))),
            ["formats"] = new JsonArray(s.Formats.Select(f => (JsonNode?)new JsonObject
            {
                ["format"] = f.Format, ["count"] = f.Count, ["meanBytes"] = f.MeanBytes,
            }).ToArray()),
            ["dimensions"] = new JsonArray(s.Dimensions.Select(d => (JsonNode?)new JsonObject
            {
                ["width"] = d.Width, ["height"] = d.Height, ["count"] = d.Count,
            }).ToArray()),
            ["meanCostPerOkImageUsd"] = s.MeanCostPerOkImageUsd,
            ["costPer1000ImagesUsd"] = s.CostPer1000ImagesUsd,
            ["totalSpentUsd"] = s.TotalSpentUsd,
            ["spentPerOkImageUsd"] = s.SpentPerOkImageUsd,
            ["costSources"] = Counts(s.CostSources),
        };
    }

    private static JsonObject? Summary(SampleSummary? s) => s is null ? null : new JsonObject
    {
        ["n"] = s.N, ["mean"] = s.Mean, ["min"] = s.Min, ["max"] = s.Max,
        ["p50"] = s.P50, ["p90"] = s.P90, ["p95"] = s.P95, ["p99"] = s.P99,
        ["medianCi95"] = new JsonArray(s.MedianCiLow, s.MedianCiHigh),
    };

    private static JsonObject Counts(IReadOnlyDictionary<string, int> counts) =>
        new(counts.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value)));
}
