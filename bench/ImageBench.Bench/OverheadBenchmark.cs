using ImageBench.Emulator;

namespace ImageBench.Bench;

/// <summary>
/// Harness overhead at one concurrency: the same number of calls through the harness and through a bare
/// HttpClient loop, against one emulator with a constant 250 ms server time, alternating the two so that
/// machine noise falls on both alike. The server time keeps the call rate (≤ 256/s at concurrency 64) under what
/// the run store's one-fsync-per-write queue sustains (~500 writes/s), as real APIs (seconds per image) always do;
/// with a faster server the store would pace the harness below the bare loop's rate and the two would no longer
/// be compared at the same load. Images are small (256², ~30 KB) so the in-process emulator does not saturate
/// the two cores and turn the comparison into one of queueing; throughput with 1 MB images is measured apart.
/// </summary>
internal static class OverheadBenchmark
{
    private const string Model = "gpt-image-2";
    private const string Prompt = "A poster that says \"BENCH\"";
    private const int Size = 256;

    public static async Task<OverheadResult> RunAsync(int concurrency, int calls)
    {
        var profile = new ModelProfile { Latency = new LatencyProfile(0.25, 0.25, 0.25), ImageFormat = "png", ImageBytesTarget = 30_000 };
        var options = EmulatorOptions.ArticleDefaults(1.0) with
        {
            Profiles = new Dictionary<string, ModelProfile> { [Model] = profile },
            DefaultProfile = profile,
            RequireKey = false,
        };
        await using var emulator = await EmulatorServer.StartAsync(options);
        // Warm-up: JIT, connection pools, the emulator's image cache.
        await HarnessLoop.RunAsync(emulator.BaseUrl, Model, Prompt, Size, Math.Min(32, calls), concurrency);
        await BareLoop.RunAsync(emulator.BaseUrl, Model, Prompt, Size, Math.Min(32, calls), concurrency);

        var harness = new List<double>();
        var bare = new List<double>();
        double serverMs = 0, harnessSeconds = 0, bareSeconds = 0;
        for (var round = 0; round < 4; round++)
        {
            var (h, seconds, s) = await HarnessLoop.RunAsync(emulator.BaseUrl, Model, Prompt, Size, calls / 4, concurrency);
            harness.AddRange(h);
            serverMs += s / 4;
            harnessSeconds += seconds;
            var start = TimeProvider.System.GetTimestamp();
            bare.AddRange(await BareLoop.RunAsync(emulator.BaseUrl, Model, Prompt, Size, calls / 4, concurrency));
            bareSeconds += TimeProvider.System.GetElapsedTime(start).TotalSeconds;
        }
        return new OverheadResult(concurrency, harness.Count,
            BareLoop.Quantile(harness, 0.5), BareLoop.Quantile(harness, 0.99),
            BareLoop.Quantile(bare, 0.5), BareLoop.Quantile(bare, 0.99), serverMs, harness.Count / harnessSeconds, bare.Count / bareSeconds);
    }
}
