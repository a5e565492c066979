using ImageBench.Emulator;

namespace ImageBench.Tests.Cli;

/// <summary>
/// The run the kill and sharing tests drive through real CLI processes: the seed suite against one model of each
/// protocol shape — sync (OpenAI), submit and poll (BFL), queue (fal), a held create (Replicate's Prefer: wait) —
/// all pointed at one emulator by a models file.
/// </summary>
internal static class MixedProtocolRun
{
    public static readonly string[] Models = ["gpt-image-2", "flux-1.1-pro", "flux-1.1-pro@fal", "flux-1.1-pro@replicate"];

    public static readonly Dictionary<string, string?> Keys = new()
    {
        ["OPENAI_API_KEY"] = "sk-test", ["BFL_API_KEY"] = "bfl-test", ["REPLICATE_API_TOKEN"] = "r8-test", ["FAL_KEY"] = "fal-test",
    };

    /// <summary>Writes the models file into <paramref name="dir"/> and returns its path.</summary>
    public static async Task<string> WriteModelsFileAsync(string dir, EmulatorServer emulator)
    {
        var path = Path.Combine(dir, "models.yaml");
        await File.WriteAllTextAsync(path, "models:\n" + string.Concat(Models.Select(m =>
            $"  {m}:\n    base_url: {emulator.BaseUrl}\n    concurrency: 2\n    poll_interval_ms: 5\n")));
        return path;
    }

    public static string[] RunArgs(string modelsFile, string outDir) =>
        ["run", "--suite", "suites/seed-six.yaml", "--models-file", modelsFile, .. Models.SelectMany(m => new[] { "--model", m }), "--out", outDir, "--no-score"];

    public static string[] ResumeArgs(string outDir) => ["run", "--resume", "--out", outDir, "--no-score"];

    /// <summary>Paid calls the emulator accepted for the four models, by catalog id.</summary>
    public static (string Model, int Calls)[] PaidCalls(EmulatorServer e) =>
    [
        ("gpt-image-2", e.Stats.OpenAIGenerations("gpt-image-2")), ("flux-1.1-pro", e.Stats.BflSubmits("flux-pro-1.1")),
        ("flux-1.1-pro@fal", e.Stats.TotalSubmits("fal")), ("flux-1.1-pro@replicate", e.Stats.TotalSubmits("replicate")),
    ];
}
