using System.Text.Json.Nodes;
using ImageBench.Scoring;

namespace ImageBench.Tests.Reporting;

/// <summary>
/// Scores for <see cref="SyntheticRun"/> shaped like the article's findings: FLUX's poster has EVERY → EYERY, FLUX
/// scattered three eggs where one was asked, both pass the hands judge, and GPT's flat-lay passes everything.
/// </summary>
internal static class SyntheticScores
{
    public static RunScores Build()
    {
        var attempts = SyntheticRun.Attempts().Where(a => a.Outcome == ImageBench.Attempts.AttemptOutcome.Ok).ToList();
        return new RunScores(attempts.Select(a => new AttemptScores(a, For(a.Model, a.PromptId))).ToList());
    }

    private static IReadOnlyList<ScoreResult> For(string model, string prompt)
    {
        var flux = model == SyntheticRun.Flux;
        return prompt switch
        {
            "poster" => [Text(flux ? ("EVERY", "EYERY") : null)],
            "flatlay" => [Judge(
                Item("obj1", "Is there a croissant?", Capabilities.CountingAndComposition, "yes"),
                Item("obj1.count", "Are there exactly three croissants?", Capabilities.CountingAndComposition, "yes", countOf: "croissant", count: 3),
                Item("obj2", "Is there a brown egg?", Capabilities.CountingAndComposition, "yes"),
                Item("obj2.count", "Is there exactly one brown egg?", Capabilities.CountingAndComposition, flux ? "no" : "yes", countOf: "brown egg", count: flux ? 3 : 1),
                Item("lighting", "Is the light soft window light from upper-right?", Capabilities.PortraitsAndLighting, flux ? "unsure" : "yes"))],
            "hands" => [Judge(Item("action", "Does the image show threading a needle?", Capabilities.HandsAndAction, "yes"))],
            _ => [],
        };
    }

    private static ScoreResult Text((string Expected, string Read)? typo)
    {
        var typos = new JsonArray();
        if (typo is { } t) typos.Add(new JsonObject { ["word"] = 5, ["expected"] = t.Expected, ["read"] = t.Read, ["text"] = $"{t.Expected} → {t.Read}" });
        var details = new JsonObject
        {
            ["summary"] = typo is null ? "2 of 2 strings exact" : $"\"OPEN FROM 7 AM EVERY DAY\": {typo.Value.Expected} → {typo.Value.Read}",
            ["strings"] = new JsonArray(new JsonObject { ["expected"] = "OPEN FROM 7 AM EVERY DAY", ["typos"] = typos }),
        };
        return new ScoreResult("text", "1", new Dictionary<string, double> { ["all_exact"] = typo is null ? 1 : 0 }, details, typo is null);
    }

    private static JsonObject Item(string id, string question, string capability, string answer, string? countOf = null, int? count = null)
    {
        var item = new JsonObject
        {
            ["id"] = id, ["question"] = question, ["capability"] = capability, ["answer"] = answer,
            ["votes"] = new JsonObject { ["yes"] = answer == "yes" ? 3 : 0, ["no"] = answer == "no" ? 3 : 0, ["unsure"] = answer == "unsure" ? 3 : 0 },
            ["agreement"] = 1.0,
        };
        if (countOf is not null) item["count_of"] = countOf;
        if (count is not null) item["count"] = count;
        return item;
    }

    private static ScoreResult Judge(params JsonObject[] items)
    {
        var capabilities = new JsonObject();
        foreach (var group in items.GroupBy(i => i["capability"]!.ToString()))
        {
            var yes = group.Count(i => i["answer"]!.ToString() == "yes");
            capabilities[group.Key] = new JsonObject { ["score"] = yes / (double)group.Count(), ["passed"] = yes == group.Count() };
        }
        var allYes = items.All(i => i["answer"]!.ToString() == "yes");
        var details = new JsonObject
        {
            ["judge"] = "emulated", ["emulated"] = true, ["samples"] = 3,
            ["items"] = new JsonArray([.. items]), ["capabilities"] = capabilities,
        };
        var dsg = items.Count(i => i["answer"]!.ToString() == "yes") / (double)items.Length;
        return new ScoreResult("judge", "1", new Dictionary<string, double> { ["dsg"] = dsg, ["agreement"] = 1 }, details, allYes);
    }
}
