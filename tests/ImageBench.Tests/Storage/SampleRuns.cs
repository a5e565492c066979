using System.Text.Json;
using System.Text.Json.Nodes;
using ImageBench.Attempts;
using ImageBench.Storage;

namespace ImageBench.Tests.Storage;

/// <summary>Fixed attempts and manifests with every field set, for round trips and snapshots.</summary>
internal static class SampleRuns
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    public static RunManifest Manifest(string runId = "run-1") => new()
    {
        RunId = runId,
        CreatedAt = Start,
        ToolVersion = "0.1.0",
        SuiteName = "posters",
        SuitePath = "suites/posters.yaml",
        SuiteSha256 = new string('a', 64),
        Models = ["gpt-image-1", "flux-pro-1.1"],
        Repeat = 3,
        Catalog = [new JsonObject { ["id"] = "gpt-image-1", ["price"] = new JsonObject { ["1K"] = 0.04m, ["read_on"] = "2026-11-01" } }],
        Parameters = new JsonObject { ["timeout_s"] = 120, ["budget_usd"] = 5.5m, ["concurrency"] = 4 },
        EmulatorTimeScale = 0.01,
    };

    /// <summary>A successful attempt with every optional field filled in.</summary>
    public static Attempt Full(string model = "gpt-image-1", string promptId = "poster-1", int repeat = 0) => new()
    {
        RunId = "run-1",
        Model = model,
        PromptId = promptId,
        Repeat = repeat,
        Outcome = AttemptOutcome.Ok,
        Reason = null,
        HttpStatus = 200,
        ProviderRequestId = "req_123",
        StartedAt = Start.AddSeconds(repeat),
        LatencyMs = 12345.5,
        RetryOverheadMs = 1500.25,
        Phases = [new PhaseTiming(PhaseNames.Generating, 0, 11000.5), new PhaseTiming(PhaseNames.Download, 11000.5, 1345)],
        ServerMs = 10987,
        ServerMsSource = "openai-processing-ms",
        Retries = [new RetryRecord(1, PhaseNames.Generating, 429, "Rate limit \"reached\"", 250.25, 1250, "retry-after-ms")],
        Usage = new TokenUsage(InputTextTokens: 42, OutputImageTokens: 4160, InputTokens: 42, OutputTokens: 4160, TotalTokens: 4202),
        CostUsd = 0.040m,
        CostSource = CostSources.ApiTokensTimesCatalog,
        CostPerImageUsd = 0.020m,
        Image = new ImageFacts("png", 1024, 1024, 1_234_567, new string('b', 64)),
        ImagePath = "images/" + new string('b', 64) + ".png",
        ImagesReturned = 2,
        ExtraImages = [new ExtraImage(new ImageFacts("png", 1024, 1024, 1_111_111, new string('c', 64)), "images/" + new string('c', 64) + ".png", null, null)],
        Seed = "17454220438242315174",
        Request = new JsonObject { ["model"] = "gpt-image-1", ["prompt"] = "A poster that says “Café <Open>”", ["size"] = "1024x1024", ["n"] = 1 },
        RevisedPrompt = "A poster that says “Café <Open>”, warm light",
        InterruptedCalls = 0,
    };

    /// <summary>A refusal with nothing optional set: nulls must survive too.</summary>
    public static Attempt Refused(string model = "flux-pro-1.1", string promptId = "poster-2", int repeat = 1) => new()
    {
        RunId = "run-1",
        Model = model,
        PromptId = promptId,
        Repeat = repeat,
        Outcome = AttemptOutcome.Refused,
        Reason = "Request Moderated",
        StartedAt = Start,
        LatencyMs = 800,
    };

    /// <summary>Records hold lists by reference, so compare what would be stored instead of using Equals.</summary>
    public static string Canonical(Attempt attempt) => JsonSerializer.Serialize(attempt, ResultJson.Compact);

    public static string Canonical(RunManifest manifest) => JsonSerializer.Serialize(manifest, ResultJson.Compact);
}
