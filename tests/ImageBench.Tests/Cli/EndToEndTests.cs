using System.Text.Json.Nodes;
using ImageBench.Emulator;
using ImageBench.Tests.Support;

namespace ImageBench.Tests.Cli;

/// <summary>The whole product through its command line, against the emulator: what a user runs.</summary>
public sealed class EndToEndTests : IDisposable
{
    private readonly TempDir _dir = new();

    [Fact]
    public async Task Emulated_run_writes_results_and_reports_for_every_slot()
    {
        var outDir = Path.Combine(_dir.Path, "run");
        var (exit, output, err) = await CliProcess.RunAsync(["run", "--suite", "suites/seed-six.yaml", "--model", "gpt-image-2", "--model", "flux-1.1-pro", "--emulator", "--time-scale", "0", "--out", outDir]);

        Assert.True(exit == 0, $"exit {exit}\n{output}\n{err}");
        var results = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(outDir, "results.json")))!;
        var attempts = results["attempts"]!.AsArray();
        Assert.Equal(12, attempts.Count);
        foreach (var a in attempts)
        {
            Assert.Equal("ok", (string?)a!["outcome"]);
            foreach (var field in new[] { "model", "prompt_id", "repeat", "latency_ms", "phases", "server_ms", "retries", "cost_usd", "cost_source", "image", "image_path" })
                Assert.True(a[field] is not null, $"results.json attempt lacks '{field}': {a.ToJsonString()}");
            var image = a["image"]!;
            Assert.Equal((string?)a["model"] == "gpt-image-2" ? "png" : "webp", (string?)image["format"]);
            Assert.Equal(1024, (int)image["width"]!);
            Assert.Equal(64, ((string?)image["sha256"])!.Length);
            Assert.True(File.Exists(Path.Combine(outDir, (string)a["image_path"]!)));
        }
        Assert.Equal(0.0, (double?)results["manifest"]!["emulator_time_scale"]);
        var md = await File.ReadAllTextAsync(Path.Combine(outDir, "report.md"));
        Assert.Contains("GPT Image 2", md, StringComparison.Ordinal);
        Assert.Contains("FLUX 1.1 Pro", md, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(outDir, "report.html")));
    }

    [Fact]
    public async Task Report_regenerates_from_the_store()
    {
        var outDir = Path.Combine(_dir.Path, "run");
        var (exit, _, _) = await CliProcess.RunAsync(["run", "--suite", "suites/seed-six.yaml", "--model", "flux-1.1-pro", "--emulator", "--time-scale", "0", "--out", outDir]);
        Assert.Equal(0, exit);
        File.Delete(Path.Combine(outDir, "report.md"));

        var (exit2, _, err2) = await CliProcess.RunAsync(["report", outDir, "--format", "md"]);

        Assert.True(exit2 == 0, err2);
        Assert.Contains("FLUX 1.1 Pro", await File.ReadAllTextAsync(Path.Combine(outDir, "report.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_run_into_the_same_directory_is_refused_without_resume()
    {
        var outDir = Path.Combine(_dir.Path, "run");
        string[] args = ["run", "--suite", "suites/seed-six.yaml", "--model", "flux-1.1-pro", "--emulator", "--time-scale", "0", "--out", outDir];
        Assert.Equal(0, (await CliProcess.RunAsync(args)).Exit);

        var (exit, _, err) = await CliProcess.RunAsync(args);

        Assert.Equal(2, exit);
        Assert.Contains("--resume", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_keys_never_reach_the_store_results_reports_or_logs()
    {
        const string openAiKey = "sk-CANARY-openai-7f3a9c2e41";
        const string bflKey = "bfl-CANARY-e81d55b0a7";
        await using var emulator = await EmulatorServer.StartAsync(EmulatorOptions.ArticleDefaults(0));
        var models = await WriteModelsFile(emulator.BaseUrl, concurrency: 4);
        var outDir = Path.Combine(_dir.Path, "run");
        var env = new Dictionary<string, string?> { ["OPENAI_API_KEY"] = openAiKey, ["BFL_API_KEY"] = bflKey };

        var run = await CliProcess.RunAsync(["run", "--suite", "suites/seed-six.yaml", "--models-file", models, "--model", "gpt-image-2", "--model", "flux-1.1-pro", "--out", outDir], env);
        var report = await CliProcess.RunAsync(["report", outDir, "--format", "csv"], env);

        Assert.True(run.Exit == 0, run.Out + run.Err);
        Assert.Equal(0, report.Exit);
        var files = Directory.EnumerateFiles(outDir, "*", SearchOption.AllDirectories).ToList();
        Assert.Contains(files, f => f.EndsWith("imagebench.db", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("results.csv", StringComparison.Ordinal));
        foreach (var key in new[] { openAiKey, bflKey })
        {
            var needle = System.Text.Encoding.UTF8.GetBytes(key);
            foreach (var file in files)
                Assert.True((await File.ReadAllBytesAsync(file)).AsSpan().IndexOf(needle) < 0, $"{key} found in {file}");
            Assert.DoesNotContain(key, run.Out + run.Err + report.Out + report.Err, StringComparison.Ordinal);
        }
        Assert.True(emulator.Stats.BflSubmits("flux-pro-1.1") >= 6, "the run must really have used the keys against the emulator");
    }

    internal async Task<string> WriteModelsFile(Uri baseUrl, int concurrency, int pollMs = 5)
    {
        var path = Path.Combine(_dir.Path, "models.yaml");
        await File.WriteAllTextAsync(path, $"""
            models:
              gpt-image-2:
                base_url: {baseUrl}
                concurrency: {concurrency}
              flux-1.1-pro:
                base_url: {baseUrl}
                concurrency: {concurrency * 2}
                poll_interval_ms: {pollMs}
            """);
        return path;
    }

    public void Dispose() => _dir.Dispose();
}
