using System.Text.Json;
using System.Text.Json.Nodes;
using ImageBench.Storage;

namespace ImageBench.Scoring;

/// <summary>The scores of a run as JSON, for results.json's summary.</summary>
public static class ScoresJson
{
    public static JsonArray Of(RunScores scores) => [.. scores.Attempts.Select(a => (JsonNode)new JsonObject
    {
        ["model"] = a.Attempt.Model,
        ["prompt_id"] = a.Attempt.PromptId,
        ["repeat"] = a.Attempt.Repeat,
        ["image_sha256"] = a.Attempt.Image?.Sha256,
        ["acceptable"] = a.Acceptable,
        ["results"] = JsonSerializer.SerializeToNode(a.Results, ResultJson.Compact),
    })];
}
