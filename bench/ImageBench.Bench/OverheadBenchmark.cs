using ImageBench.Emulator;

namespace ImageBench.Bench;

/// <summary>
/// Harness overhead at one concurrency: the same number of calls through the harness and through a bare
/// HttpClient loop, against one emulator with a constant 20 ms server time, alternating the two so that
/// machine noise falls on both alike.
/// </summary>
internal static class OverheadBenchmark
{
    private const string Model = "gpt-image-2";
    private const string Prompt = "A poster that says \"BENCH\"";

    public static async Task<OverheadResult> RunAsync(int concurrency, int calls)
    {
        var profile = new ModelProfile { Latency = new LatencyProfile(0.02, 0.02, 0.02), ImageFormat = "png", ImageBytesTarget = 200_000 };
        var options = EmulatorOptions.ArticleDefaults(1.0) with
        {
            Profiles = new Dictionary<string, ModelProfile> { [Model] = profile },
            DefaultProfile = profile,
            RequireKey = false,
        };
        await using var emulator = await EmulatorServer.StartAsync(options);
        // Warm-up: JIT, connection pools, the emulator's image cache.
        await HarnessLoop.RunAsync(emulator.BaseUrl, Model, Prompt, Math.Min(32, calls), concurrency);
        await BareLoop.RunAsync(emulator.BaseUrl, Model, Prompt, Math.Min(32, calls), concurrency);

        var harness = new List<double>();
        var bare = new List<double>();
        double serverMs = 0;
        for (var round = 0; round < 4; round++)
        {
            var (h, _, s) = await HarnessLoop.RunAsync(emulator.BaseUrl, Model, Prompt, calls / 4, concurrency);
            harness.AddRange(h);
            serverMs += s / 4;
            bare.AddRange(await BareLoop.RunAsync(emulator.BaseUrl, Model, Prompt, calls / 4, concurrency));
        }
        return new OverheadResult(concurrency, harness.Count,
            BareLoop.Quantile(harness, 0.5), BareLoop.Quantile(harness, 0.99),
            BareLoop.Quantile(bare, 0.5), BareLoop.Quantile(bare, 0.99), serverMs);
    }
}
