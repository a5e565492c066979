using System.Globalization;
using System.Net;
using ImageBench.Emulator.Ark;
using ImageBench.Emulator.Bfl;
using ImageBench.Emulator.DashScope;
using ImageBench.Emulator.Delivery;
using ImageBench.Emulator.Fal;
using ImageBench.Emulator.Faults;
using ImageBench.Emulator.Ideogram;
using ImageBench.Emulator.Gemini;
using ImageBench.Emulator.Jobs;
using ImageBench.Emulator.Judge;
using ImageBench.Emulator.OpenAI;
using ImageBench.Emulator.OpenRouter;
using ImageBench.Emulator.Recraft;
using ImageBench.Emulator.Rendering;
using ImageBench.Emulator.Stability;
using ImageBench.Emulator.Replicate;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ImageBench.Emulator;

/// <summary>
/// Local Kestrel server speaking the OpenAI Images and BFL protocols (plus OpenRouter, DashScope, Ark, Stability,
/// Ideogram and Recraft; docs/emulator.md), so ImageBench runs offline.
/// The API listens on 127.0.0.1; BFL samples and dall-e URLs are served from 127.0.0.2 on the same port,
/// a different host, so tests can prove adapters never send credentials to the delivery host.
/// </summary>
public sealed class EmulatorServer : IAsyncDisposable
{
    private static readonly IPAddress ApiAddress = IPAddress.Parse("127.0.0.1");
    private static readonly IPAddress DeliveryAddress = IPAddress.Parse("127.0.0.2");

    /// <summary>The counters as JSON (<see cref="EmulatorStatsSnapshot"/>), on the API host.</summary>
    public const string StatsPath = "/_emulator/stats";

    private readonly WebApplication _app;
    private readonly ImageFactory _images;
    private readonly EmulatorOptions _options;

    private EmulatorServer(WebApplication app, int port, EmulatorStats stats, ImageFactory images, EmulatorOptions options)
    {
        _options = options;
        _app = app;
        _images = images;
        Stats = stats;
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
        DeliveryBaseUrl = new Uri($"http://127.0.0.2:{port}/");
    }

    /// <summary>The API host (OpenAI and BFL paths).</summary>
    public Uri BaseUrl { get; }
    /// <summary>The delivery host for BFL result.sample and dall-e URLs.</summary>
    public Uri DeliveryBaseUrl { get; }
    public EmulatorStats Stats { get; }

    /// <summary>What <see cref="StatsPath"/> answers right now.</summary>
    public EmulatorStatsSnapshot StatsSnapshot() => Stats.Snapshot(_options);

    /// <summary>The quoted strings of a prompt exactly as this server draws them for a model (typos included).</summary>
    public IReadOnlyList<string> RenderedStrings(string model, string prompt) => _images.RenderedStrings(model, prompt);

    /// <summary>Images drawn so far (each distinct picture once): a run after a complete prewarm adds none.</summary>
    public int ImagesDrawn => _images.RendersStarted;

    /// <summary>The base URL an OpenAI-compatible client uses to reach the emulated judge (POST {this}chat/completions).</summary>
    public Uri JudgeBaseUrl => new(BaseUrl, "v1/");

    /// <summary>What this server draws for a prompt: the scene the emulated judge answers from (emulation, not evidence).</summary>
    public Scenes.Scene SceneFor(string model, string prompt) => _images.SceneFor(model, prompt);

    /// <summary>
    /// Renders ahead of a run the images these calls will ask for. A real provider's latency contains no time spent
    /// drawing a stand-in image; without this the emulator's own CPU time would leak into the latencies measured.
    /// </summary>
    /// <remarks>The n-th identical call (a repeat) is served the n-th variant, so that is the one drawn for it.</remarks>
    public Task PrewarmAsync(IEnumerable<EmulatorCall> calls) =>
        Task.WhenAll(calls.GroupBy(c => c).SelectMany(g => Enumerable.Range(0, g.Count()).Select(variant => PrewarmAsync(g.Key, variant))));

    private Task<Rendering.RenderedImage> PrewarmAsync(EmulatorCall call, int variant)
    {
        var profile = _options.ProfileFor(call.Model);
        if (PrewarmShapes.For(call, _options) is { } shape)
            return _images.RenderAsync(shape.Model, call.Prompt, shape.Width, shape.Height, shape.Format, shape.Quality, variant);
        if (call.Protocol == EmulatorCall.Bfl)
            return _images.RenderAsync(call.Model, call.Prompt, call.Width, call.Height, call.OutputFormat ?? profile.ImageFormat, 90, variant);
        var format = call.OutputFormat ?? (call.Model.StartsWith("gpt-image", StringComparison.OrdinalIgnoreCase) ? profile.ImageFormat : "png");
        return _images.RenderAsync(call.Model, call.Prompt, call.Width, call.Height, format, format == "png" ? 100 : call.Compression ?? 100, variant);
    }

    public static async Task<EmulatorServer> StartAsync(EmulatorOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Two listeners must share one port, so port 0 cannot be left to the OS: pick one free on both addresses.
        // Another process can still grab it between the probe and the bind, hence the retries.
        for (int attempt = 0; ; attempt++)
        {
            int port = options.Port != 0 ? options.Port : FreePort.Find(ApiAddress, DeliveryAddress);
            try
            {
                return await StartOnPortAsync(options, port, ct).ConfigureAwait(false);
            }
            catch (IOException) when (options.Port == 0 && attempt < 5)
            {
                // Port taken between probe and bind: try another.
            }
        }
    }

    private static async Task<EmulatorServer> StartOnPortAsync(EmulatorOptions options, int port, CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(ApiAddress, port);
            k.Listen(DeliveryAddress, port);
            k.Limits.MaxRequestBodySize = 64 * 1024 * 1024;
        });
        var app = builder.Build();

        var stats = new EmulatorStats();
        var images = new ImageFactory(options);
        var server = new EmulatorServer(app, port, stats, images, options);
        var planner = new CallPlanner(options);
        var gate = new FaultGate(options, stats, planner);
        var delivery = new DeliveryStore();
        var urls = new SignedUrls(server.DeliveryBaseUrl, options.Seed);
        // A hanging answer ends when the server stops, so disposing the emulator never waits for a client to give up.
        var writer = new ResponseWriter(options, stats, app.Lifetime.ApplicationStopping);
        var jobs = new BflJobStore();
        var openAi = new OpenAIImagesEndpoint(options, stats, planner, images, delivery, urls, gate, writer);
        var bflSubmit = new BflSubmitEndpoint(options, stats, planner, images, jobs, delivery, server.BaseUrl, gate, writer);
        var bflResult = new BflResultEndpoint(options, stats, jobs, urls, gate, writer);
        var deliveryEndpoint = new DeliveryEndpoint(delivery, urls, options, stats, gate, writer);
        var shared = new EmulatedCall(options, stats, delivery, urls, gate);
        var dashJobs = new DashScopeJobStore();
        var openRouter = new OpenRouterChatEndpoint(shared, planner, images, writer);
        var dashSubmit = new DashScopeSubmitEndpoint(shared, planner, images, dashJobs, writer);
        var dashTask = new DashScopeTaskEndpoint(shared, dashJobs, writer);
        var dashSync = new DashScopeSyncEndpoint(shared, planner, images, writer);
        var ark = new ArkImagesEndpoint(shared, planner, images, writer);
        var stability = new StabilityGenerateEndpoint(shared, planner, images, writer);
        var ideogram = new IdeogramGenerateEndpoint(shared, planner, images, writer);
        var recraft = new RecraftImagesEndpoint(shared, planner, images, writer);

        // Every answer says it is emulated (docs/emulator.md), so a run reaching the emulator through a models file's
        // base_url is labelled emulated too; the stats endpoint itself is not counted as a call.
        var mark = Providers.Http.EmulatorMark.Format(options.TimeScale);
        app.Use((ctx, next) =>
        {
            ctx.Response.Headers[Providers.Http.EmulatorMark.Header] = mark;
            if (!ctx.Request.Path.StartsWithSegments(StatsPath)) stats.CountCall();
            return next(ctx);
        });
        app.MapGet(StatsPath, ApiOnly(ctx => ResponseWriter.WriteAsync(ctx, 200, System.Text.Encoding.UTF8.GetBytes(stats.Snapshot(options).ToJson()), "application/json")));
        app.MapPost("/v1/images/generations", ApiOnly(async ctx =>
        {
            if (await RecraftModelSniffer.IsRecraftAsync(ctx).ConfigureAwait(false)) await recraft.HandleAsync(ctx).ConfigureAwait(false);
            else await openAi.HandleAsync(ctx).ConfigureAwait(false);
        }));
        app.MapGet("/v1/get_result", ApiOnly(ctx => bflResult.HandleAsync(ctx)));
        app.MapPost("/v1/{endpoint}", ApiOnly(ctx => bflSubmit.HandleAsync(ctx, (string)ctx.Request.RouteValues["endpoint"]!)));
        app.MapPost("/api/v1/chat/completions", ApiOnly(ctx => openRouter.HandleAsync(ctx)));
        // The emulated vision judge (docs/emulator.md): OpenAI chat completions at the root, like api.openai.com/v1.
        var judge = new EmulatedJudgeEndpoint(shared, images);
        app.MapPost("/v1/chat/completions", ApiOnly(ctx => judge.HandleAsync(ctx)));
        app.MapPost("/api/v1/services/aigc/text2image/image-synthesis", ApiOnly(ctx => dashSubmit.HandleAsync(ctx)));
        app.MapPost("/api/v1/services/aigc/multimodal-generation/generation", ApiOnly(ctx => dashSync.HandleAsync(ctx)));
        app.MapGet("/api/v1/tasks/{id}", ApiOnly(ctx => dashTask.HandleAsync(ctx, (string)ctx.Request.RouteValues["id"]!)));
        app.MapPost("/api/v3/images/generations", ApiOnly(ctx => ark.HandleAsync(ctx)));
        app.MapPost("/v2beta/stable-image/generate/{mode}", ApiOnly(ctx => stability.HandleAsync(ctx, (string)ctx.Request.RouteValues["mode"]!)));
        app.MapPost("/v1/ideogram-v3/generate", ApiOnly(ctx => ideogram.HandleAsync(ctx)));
        // Recraft's own path is OpenAI's /v1/images/generations; a prefix keeps them apart.
        app.MapPost(RecraftImagesEndpoint.PathPrefix + "/v1/images/generations", ApiOnly(ctx => recraft.HandleAsync(ctx)));
        app.MapGet("/results/{id}/{file}", DeliveryOnly(ctx => deliveryEndpoint.HandleAsync(ctx, (string)ctx.Request.RouteValues["id"]!)));
        app.MapGet("/private/{file}", DeliveryOnly(ctx => deliveryEndpoint.HandleAsync(ctx, Path.GetFileNameWithoutExtension((string)ctx.Request.RouteValues["file"]!))));

        // fal, Replicate, Gemini and Imagen (docs/emulator.md). fal's queue lives at the root of the API host, as on
        // queue.fal.run, so rebasing a fal model onto the emulator needs no path prefix; its catch-alls rank below
        // every literal route above and below.
        var queued = new QueuedJobStore();
        var fal = new FalQueueEndpoint(options, stats, planner, images, queued, delivery, urls, server.BaseUrl, gate, writer);
        var replicate = new ReplicatePredictionsEndpoint(options, stats, planner, images, queued, delivery, urls, server.BaseUrl, gate, writer);
        var google = new GoogleModelsEndpoint(options, stats, planner, images, gate, writer);
        app.MapPost("/v1/models/{owner}/{name}/predictions", ApiOnly(ctx => replicate.CreateAsync(ctx, $"{Route(ctx, "owner")}/{Route(ctx, "name")}")));
        app.MapPost("/v1/models/{name}/predictions", ApiOnly(ctx => replicate.CreateAsync(ctx, Route(ctx, "name"))));
        app.MapPost("/v1/predictions", ApiOnly(ctx => replicate.CreateAsync(ctx, null)));
        app.MapGet("/v1/predictions/{id}", ApiOnly(ctx => replicate.GetAsync(ctx, Route(ctx, "id"))));
        app.MapPost("/v1beta/models/{target}", ApiOnly(ctx => google.HandleAsync(ctx, Route(ctx, "target"))));
        app.MapPost("/v1beta1/projects/{project}/locations/{location}/publishers/google/models/{target}", ApiOnly(ctx => google.HandleAsync(ctx, Route(ctx, "target"))));
        app.MapPost("/v1/publishers/google/models/{target}", ApiOnly(ctx => google.HandleAsync(ctx, Route(ctx, "target"))));
        app.MapPost("/{**app}", ApiOnly(ctx => fal.SubmitAsync(ctx, Route(ctx, "app"))));
        app.MapGet("/{**path}", ApiOnly(ctx => fal.GetAsync(ctx, Route(ctx, "path"))));

        try
        {
            await app.StartAsync(ct).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return server;
    }

    private static string Route(HttpContext ctx, string name) => (string)ctx.Request.RouteValues[name]!;

    private static RequestDelegate ApiOnly(RequestDelegate handler) => OnAddress(ApiAddress, handler);
    private static RequestDelegate DeliveryOnly(RequestDelegate handler) => OnAddress(DeliveryAddress, handler);

    private static RequestDelegate OnAddress(IPAddress address, RequestDelegate handler) => ctx =>
    {
        if (!address.Equals(ctx.Connection.LocalIpAddress?.MapToIPv4()))
        {
            ctx.Response.StatusCode = 404;
            return Task.CompletedTask;
        }
        return handler(ctx);
    };

    /// <summary>CLI hook: starts, logs where it listens, and runs until <paramref name="ct"/> is cancelled.</summary>
    public static async Task RunUntilCancelledAsync(EmulatorOptions options, Action<string> log, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        await using var server = await StartAsync(options, ct).ConfigureAwait(false);
        log($"ImageBench emulator: OpenAI Images + BFL + fal + Replicate + Gemini + Imagen API at {server.BaseUrl}, delivery at {server.DeliveryBaseUrl}");
        log(string.Create(CultureInfo.InvariantCulture,
            $"time scale {options.TimeScale}, seed {options.Seed}, {options.Profiles.Count} model profiles ({string.Join(", ", options.Profiles.Keys)}), keys {(options.RequireKey ? "required (any value)" : "optional")}"));
        foreach (var line in FaultLines(options)) log(line);
        log($"counters: GET {new Uri(server.BaseUrl, StatsPath.TrimStart('/'))}");
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Normal shutdown (Ctrl-C): say what was served before the counters are gone.
            foreach (var line in server.StatsSnapshot().Summary("emulator stopped after")) log(line);
        }
    }

    /// <summary>"faults: 429@create=0.3 (every model)", then one line per model with its own.</summary>
    private static IEnumerable<string> FaultLines(EmulatorOptions options)
    {
        var everyone = FaultSpecs.Describe(options.DefaultProfile);
        if (everyone is not null) yield return $"faults for every model: {everyone}";
        foreach (var (model, profile) in options.Profiles)
        {
            if (FaultSpecs.Describe(profile) is { } own && own != everyone) yield return $"faults for {model}: {own}";
        }
    }

    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
