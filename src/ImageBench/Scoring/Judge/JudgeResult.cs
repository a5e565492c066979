using System.Text.Json.Nodes;

namespace ImageBench.Scoring.Judge;

/// <summary>
/// The judge's <see cref="ScoreResult"/>: metrics a report aggregates ("dsg", "agreement", "unsure", "items",
/// tokens) and details that let a reader audit every verdict — votes, counts, each sample's raw text.
/// </summary>
internal static class JudgeResult
{
    public static ScoreResult Build(ChecklistJudge judge, Checklist checklist, IReadOnlyList<JudgeSample> samples)
    {
        var details = new JsonObject
        {
            ["judge"] = judge.Label,
            ["emulated"] = judge.Emulated,
            ["samples"] = samples.Count,
            ["frozen_checklist"] = checklist.Frozen,
        };
        var parsed = samples.Where(s => s.Reply is not null).Select(s => s.Reply!).ToList();
        var failed = samples.Where(s => s.Reply is null).ToList();
        if (parsed.Count == 0)
        {
            AddRaw(details, samples);
            var reason = $"no judge sample could be used ({failed.Count} of {samples.Count} failed; first: {failed[0].Error})";
            return ScoreResult.Failed(judge.Name, judge.Version, reason) with { Details = details };
        }

        var verdict = ChecklistAggregator.Aggregate(checklist, parsed);
        details["items"] = new JsonArray([.. verdict.Items.Select(Item)]);
        details["capabilities"] = Capabilities(verdict);
        AddRaw(details, samples);

        var metrics = new Dictionary<string, double>
        {
            ["dsg"] = verdict.Dsg,
            ["agreement"] = verdict.Agreement,
            ["unsure"] = verdict.UnsureCount,
            ["items"] = verdict.Items.Count,
            ["failed_samples"] = failed.Count,
        };
        if (samples.Any(s => s.InputTokens is not null)) metrics["input_tokens"] = samples.Sum(s => s.InputTokens ?? 0);
        if (samples.Any(s => s.OutputTokens is not null)) metrics["output_tokens"] = samples.Sum(s => s.OutputTokens ?? 0);
        return new ScoreResult(judge.Name, judge.Version, metrics, details, verdict.Passed);
    }

    private static void AddRaw(JsonObject details, IReadOnlyList<JudgeSample> samples)
    {
        details["observations"] = new JsonArray([.. samples.Select(s => (JsonNode?)(s.Reply?.Observation is { } o ? JsonValue.Create(o) : null))]);
        details["raw"] = new JsonArray([.. samples.Select(s => (JsonNode?)(s.Raw is { } r ? JsonValue.Create(r) : null))]);
        var errors = samples.Where(s => s.Error is not null).ToList();
        if (errors.Count > 0)
            details["errors"] = new JsonArray([.. errors.Select(s => (JsonNode)new JsonObject { ["sample"] = s.Index, ["error"] = s.Error })]);
    }

    private static JsonNode Item(ItemVerdict v)
    {
        var item = new JsonObject
        {
            ["id"] = v.Item.Id,
            ["question"] = v.Item.Question,
            ["capability"] = v.Item.Capability,
            ["depends_on"] = new JsonArray([.. v.Item.DependsOn.Select(d => (JsonNode)JsonValue.Create(d))]),
            ["answer"] = v.Answer,
            ["judged"] = v.Judged,
            ["votes"] = new JsonObject { ["yes"] = v.Yes, ["no"] = v.No, ["unsure"] = v.Unsure },
            ["agreement"] = v.Agreement,
        };
        if (v.Item.CountOf is not null)
        {
            item["count_of"] = v.Item.CountOf;
            item["counts"] = new JsonArray([.. v.Counts.Select(c => (JsonNode)JsonValue.Create(c))]);
            item["count"] = v.Count;
        }
        return item;
    }

    private static JsonObject Capabilities(ChecklistVerdict verdict)
    {
        var result = new JsonObject();
        foreach (var group in verdict.Items.GroupBy(i => i.Item.Capability))
            result[group.Key] = new JsonObject { ["score"] = group.Average(i => i.Score), ["passed"] = group.All(i => i.Answer == JudgeProtocol.Yes) };
        return result;
    }
}
