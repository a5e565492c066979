using System.Net;
using ImageBench.Providers.Ark;
using ImageBench.Providers.Bfl;
using ImageBench.Providers.DashScope;
using ImageBench.Providers.Ideogram;
using ImageBench.Providers.Fal;
using ImageBench.Providers.Gemini;
using ImageBench.Providers.Http;
using ImageBench.Providers.Imagen;
using ImageBench.Providers.OpenAI;
using ImageBench.Providers.OpenRouter;
using ImageBench.Providers.Recraft;
using ImageBench.Providers.Stability;
using ImageBench.Providers.Replicate;

namespace ImageBench.Providers;

/// <summary>
/// The adapters by catalog family, all sharing one <see cref="HttpClient"/> so connections are pooled across
/// models and runs (one client per call would exhaust sockets and add TLS handshakes to measured latency).
/// </summary>
public sealed class ProviderRegistry : IDisposable
{
    private readonly Dictionary<string, IImageProvider> _providers;
    private readonly HttpClient? _owned;

    /// <summary>The real adapters on a shared client this registry owns and disposes.</summary>
    public ProviderRegistry() : this(RetryPolicy.Default)
    {
    }

    /// <summary>The real adapters retrying by <paramref name="policy"/> (e.g. with <see cref="RetryPolicy.RetryPossiblyBilled"/>), on a client this registry owns.</summary>
    public ProviderRegistry(RetryPolicy policy) : this(CreateHttpClient(), policy) => _owned = _http;

    /// <summary>Any set of adapters (tests use scripted ones), keyed by their <see cref="IImageProvider.Family"/>.</summary>
    public ProviderRegistry(IEnumerable<IImageProvider> providers) =>
        _providers = providers.ToDictionary(p => p.Family, StringComparer.Ordinal);

    private readonly HttpClient? _http;

    public ProviderRegistry(HttpClient http, RetryPolicy? policy = null, Random? random = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        _http = http;
        var shared = new ProviderHttp(http, random);
        _providers = new Dictionary<string, IImageProvider>(StringComparer.Ordinal)
        {
            [OpenAIProvider.FamilyName] = new OpenAIProvider(shared, policy),
            [BflProvider.FamilyName] = new BflProvider(shared, policy),
            [OpenRouterProvider.FamilyName] = new OpenRouterProvider(shared, policy),
            [DashScopeProvider.FamilyName] = new DashScopeProvider(shared, policy),
            [ArkProvider.FamilyName] = new ArkProvider(shared, policy),
            [StabilityProvider.FamilyName] = new StabilityProvider(shared, policy),
            [IdeogramProvider.FamilyName] = new IdeogramProvider(shared, policy),
            [RecraftProvider.FamilyName] = new RecraftProvider(shared, policy),
            [FalProvider.FamilyName] = new FalProvider(shared, policy),
            [ReplicateProvider.FamilyName] = new ReplicateProvider(shared, policy),
            [GeminiProvider.FamilyName] = new GeminiProvider(shared, policy),
            [ImagenProvider.FamilyName] = new ImagenProvider(shared, policy),
        };
    }

    public static IReadOnlyList<string> Families { get; } =
    [
        OpenAIProvider.FamilyName, BflProvider.FamilyName,
        OpenRouterProvider.FamilyName, DashScopeProvider.FamilyName, ArkProvider.FamilyName,
        StabilityProvider.FamilyName, IdeogramProvider.FamilyName, RecraftProvider.FamilyName,
        FalProvider.FamilyName,
        ReplicateProvider.FamilyName,
        GeminiProvider.FamilyName,
        ImagenProvider.FamilyName,
    ];

    public IImageProvider For(string family)
    {
        ArgumentNullException.ThrowIfNull(family);
        return _providers.TryGetValue(family, out var provider)
            ? provider
            : throw new Configuration.InputException($"no adapter for provider family '{family}'; known families: {string.Join(", ", _providers.Keys)}");
    }

    public void Dispose() => _owned?.Dispose();

    /// <summary>
    /// The client every adapter should share. Redirects are off: .NET strips Authorization on redirect but not
    /// custom headers such as BFL's x-key, so following one could hand a key to another host. No client-wide
    /// timeout: the runner's per-attempt deadline arrives through the CancellationToken.
    /// </summary>
    public static HttpClient CreateHttpClient(HttpMessageHandler? handler = null)
    {
        handler ??= new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            MaxConnectionsPerServer = 256,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
            ConnectTimeout = TimeSpan.FromSeconds(30),
        };
        return new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
