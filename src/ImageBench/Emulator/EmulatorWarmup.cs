using ImageBench.Attempts;
using ImageBench.Providers;
using ImageBench.Running;

namespace ImageBench.Emulator;

/// <summary>
/// One uncounted call per provider family before an emulated run, to an instant model. Against the emulator the
/// first calls of a process otherwise carry its JIT compilation and connection set-up — hundreds of milliseconds
/// that a scaled-down latency profile would magnify into a false result. Nothing of it is stored or reported.
/// </summary>
public static class EmulatorWarmup
{
    /// <summary>The emulator serves this model name instantly; it is in no catalog.</summary>
    public const string Model = "imagebench-warmup";

    public static async Task RunAsync(RunPlan plan, ProviderRegistry providers, CancellationToken ct)
    {
        foreach (var model in plan.Models.DistinctBy(m => m.Provider))
        {
            var warm = model with { Upstream = Model, PollInterval = TimeSpan.FromMilliseconds(1), Options = new Dictionary<string, string>() };
            var request = new GenerationRequest(warm, "warm-up \"OK\"", 256, 256, new ApiKey("warm-up"));
            await providers.For(model.Provider).GenerateAsync(request, new AttemptRecorder(TimeProvider.System), ct).ConfigureAwait(false);
        }
    }
}
