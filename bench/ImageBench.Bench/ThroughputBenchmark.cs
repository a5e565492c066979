using ImageBench.Emulator;

namespace ImageBench.Bench;

/// <summary>Images per second with ~1 MB images and no emulated latency: what the harness costs when the API is fast.</summary>
internal static class ThroughputBenchmark
{
    private const string Model = "gpt-image-2";
    private const string Prompt = "A poster that says \"THROUGHPUT\"";

    public static async Task<ThroughputResult> RunAsync(int calls, int concurrency, int imageBytes)
    {
        var profile = new ModelProfile { Latency = new LatencyProfile(0, 0, 0), ImageFormat = "png", ImageBytesTarget = imageBytes };
        var options = EmulatorOptions.ArticleDefaults(0) with
        {
            Profiles = new Dictionary<string, ModelProfile> { [Model] = profile },
            DefaultProfile = profile,
            RequireKey = false,
        };
        await using var emulator = await EmulatorServer.StartAsync(options);
        await HarnessLoop.RunAsync(emulator.BaseUrl, Model, Prompt, 1024, 16, concurrency);
        await BareLoop.RunAsync(emulator.BaseUrl, Model, Prompt, 1024, 16, concurrency);

        var (_, harnessSeconds, _) = await HarnessLoop.RunAsync(emulator.BaseUrl, Model, Prompt, 1024, calls, concurrency);
        var start = TimeProvider.System.GetTimestamp();
        await BareLoop.RunAsync(emulator.BaseUrl, Model, Prompt, 1024, calls, concurrency);
        var bareSeconds = TimeProvider.System.GetElapsedTime(start).TotalSeconds;
        return new ThroughputResult(calls, concurrency, imageBytes, calls / harnessSeconds, calls / bareSeconds);
    }
}
