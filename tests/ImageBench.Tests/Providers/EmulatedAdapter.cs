using ImageBench.Attempts;
using ImageBench.Catalog;
using ImageBench.Emulator;
using ImageBench.Providers;
using ImageBench.Tests.Support;

namespace ImageBench.Tests.Providers;

/// <summary>
/// A real adapter talking real HTTP to a started emulator. With the default options the emulator runs at TimeScale 0
/// on the system clock; <see cref="StartStepped"/> runs it at full scale on a <see cref="SteppingClock"/> shared with
/// the attempt, so emulated queue and generation time pass exactly as the adapter's poll waits and the server's
/// delays ask, and phase durations can be asserted.
/// </summary>
public sealed class EmulatedAdapter : IAsyncDisposable
{
    private EmulatedAdapter(EmulatorServer server, SteppingClock? clock)
    {
        Server = server;
        Clock = clock;
        Client = ProviderRegistry.CreateHttpClient();
        Registry = new ProviderRegistry(Client, ProviderHarness.Policy);
    }

    public EmulatorServer Server { get; }
    public SteppingClock? Clock { get; }
    public HttpClient Client { get; }
    public ProviderRegistry Registry { get; }
    public List<JobHandle> SubmittedJobs { get; } = [];

    public static async Task<EmulatedAdapter> StartAsync() =>
        new(await EmulatorServer.StartAsync(EmulatorOptions.ArticleDefaults(0)), null);

    /// <summary>Full time scale on a stepping clock; <paramref name="model"/> takes exactly <paramref name="seconds"/>.</summary>
    public static async Task<EmulatedAdapter> StartStepped(string model, double seconds, FailureInjection? failures = null)
    {
        var clock = new SteppingClock();
        var profile = new ModelProfile { Latency = new LatencyProfile(seconds, seconds, seconds), ImageFormat = "jpeg", Failures = failures ?? new() };
        var server = await EmulatorServer.StartAsync(new EmulatorOptions
        {
            Time = clock,
            TimeScale = 1,
            Profiles = new Dictionary<string, ModelProfile>(StringComparer.OrdinalIgnoreCase) { [model] = profile },
        });
        return new(server, clock);
    }

    public ModelEntry Model(string family, string upstream, IReadOnlyDictionary<string, string>? options = null) =>
        ProviderHarness.Model(family, upstream, Server.BaseUrl.AbsoluteUri, options);

    public AttemptRecorder NewRecorder() => new(Clock ?? (TimeProvider)TimeProvider.System, (job, _) =>
    {
        SubmittedJobs.Add(job);
        return ValueTask.CompletedTask;
    });

    public Task<GenerationResult> GenerateAsync(ModelEntry model, string prompt, AttemptRecorder recorder, int width = 1024, int height = 1024)
    {
        var request = new GenerationRequest(model, prompt, width, height, new ApiKey("emulator-secret"));
        var work = () => Registry.For(model.Provider).GenerateAsync(request, recorder, CancellationToken.None);
        return Clock is null ? work() : Clock.RunAsync(work);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}
