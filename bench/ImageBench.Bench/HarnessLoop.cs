using ImageBench.Attempts;
using ImageBench.Catalog;
using ImageBench.Providers;
using ImageBench.Running;
using ImageBench.Storage;
using ImageBench.Storage.Sqlite;
using ImageBench.Suites;

namespace ImageBench.Bench;

/// <summary>The same calls through the whole harness: runner, OpenAI adapter, recorder, image facts, file and SQLite store.</summary>
internal static class HarnessLoop
{
    public static async Task<(List<double> OverheadsMs, double Seconds, double MeanServerMs)> RunAsync(Uri baseUrl, string model, string prompt, int size, int calls, int concurrency)
    {
        var dir = Directory.CreateTempSubdirectory("imagebench-bench-").FullName;
        try
        {
            var yaml = "prompts:\n" + string.Concat(Enumerable.Range(0, calls).Select(i => $"  - id: p{i}\n    text: '{prompt}'\n"));
            var suite = SuiteLoader.Parse(yaml, "bench.yaml");
            var entry = new ModelEntry
            {
                Id = model, Provider = "openai", Upstream = model, BaseUrl = baseUrl, KeyEnv = null, Concurrency = concurrency,
                DefaultWidth = size, DefaultHeight = size,
                Price = new PriceTable { PerImageUsd = new Dictionary<string, decimal> { ["1K"] = 0m }, Source = "bench", ReadOn = new DateOnly(2026, 1, 1) },
            };
            await using var store = await SqliteRunStore.OpenAsync(dir, CancellationToken.None);
            using var providers = new ProviderRegistry();
            var runner = new Runner(providers, new FixedCredentialSource("bench-key"), store, new ImageFileStore(dir), TimeProvider.System, new RunnerOptions(), SilentProgress.Instance);
            var start = TimeProvider.System.GetTimestamp();
            await runner.RunAsync(new RunPlan(suite, [entry], 1), "bench", CancellationToken.None);
            var seconds = TimeProvider.System.GetElapsedTime(start).TotalSeconds;
            var attempts = await store.LoadAttemptsAsync(CancellationToken.None);
            var failed = attempts.Where(a => a.Outcome != AttemptOutcome.Ok).ToList();
            if (failed.Count > 0) throw new InvalidOperationException($"{failed.Count} bench calls failed: {failed[0].Reason}");
            return (attempts.Select(a => a.LatencyMs - a.ServerMs!.Value).ToList(), seconds, attempts.Average(a => a.ServerMs!.Value));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
