using ImageBench.Attempts;
using ImageBench.Catalog;
using ImageBench.Providers;
using ImageBench.Providers.Http;
using ImageBench.Tests.Support;

namespace ImageBench.Tests.Providers;

/// <summary>One adapter wired to a replay handler and a stepping clock, plus the models the tests use.</summary>
public sealed class ProviderHarness : IDisposable
{
    public const string Png1x1Base64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAAC0lEQVQYV2NgAAIAAAUAAarVyFEAAAAASUVORK5CYII=";

    public static byte[] Png1x1 { get; } = Convert.FromBase64String(Png1x1Base64);

    /// <summary>Deterministic backoff (no jitter) so waits can be asserted exactly.</summary>
    public static RetryPolicy Policy { get; } = RetryPolicy.Default with { JitterFraction = 0 };

    public ProviderHarness()
    {
        Handler = new RecordedHandler(Clock);
        Client = ProviderRegistry.CreateHttpClient(Handler);
        Registry = new ProviderRegistry(Client, Policy);
    }

    public SteppingClock Clock { get; } = new();
    public RecordedHandler Handler { get; }
    public HttpClient Client { get; }
    public ProviderRegistry Registry { get; }
    public List<JobHandle> SubmittedJobs { get; } = [];

    public AttemptRecorder NewRecorder() => new(Clock, (job, _) =>
    {
        SubmittedJobs.Add(job);
        return ValueTask.CompletedTask;
    });

    public static ModelEntry Model(string provider, string upstream, string baseUrl, IReadOnlyDictionary<string, string>? options = null) => new()
    {
        Id = upstream,
        Provider = provider,
        Upstream = upstream,
        BaseUrl = new Uri(baseUrl),
        Options = options ?? new Dictionary<string, string>(),
        PollInterval = TimeSpan.FromMilliseconds(500),
        Price = new PriceTable { Source = "test", ReadOn = new DateOnly(2026, 11, 23) },
    };

    public void Dispose() => Client.Dispose();
}
