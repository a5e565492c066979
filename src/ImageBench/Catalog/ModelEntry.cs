namespace ImageBench.Catalog;

/// <summary>One model as the catalog (shipped, then the user's override file) describes it.</summary>
public sealed record ModelEntry
{
    /// <summary>The id users type: <c>--model gpt-image-2</c>.</summary>
    public required string Id { get; init; }
    public string? DisplayName { get; init; }
    /// <summary>The adapter family: "openai", "bfl".</summary>
    public required string Provider { get; init; }
    /// <summary>The model name the API expects (OpenAI "model" field, BFL endpoint name such as "flux-pro-1.1").</summary>
    public required string Upstream { get; init; }
    /// <summary>Base URL of the API; overriding it points the same adapter at a gateway, proxy or the emulator.</summary>
    public required Uri BaseUrl { get; init; }
    /// <summary>Environment variable holding the key, or null when the endpoint needs none.</summary>
    public string? KeyEnv { get; init; }
    public int DefaultWidth { get; init; } = 1024;
    public int DefaultHeight { get; init; } = 1024;
    /// <summary>Images per call. ImageBench measures one image per call, as the article did.</summary>
    public int ImagesPerCall { get; init; } = 1;
    /// <summary>Provider parameters sent as given (output_format, quality, background, moderation, safety_tolerance…).</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();
    public required PriceTable Price { get; init; }
    /// <summary>Most calls in flight at once to this model's provider.</summary>
    public int Concurrency { get; init; } = 4;
    /// <summary>How often an async job is polled. Latency resolution of async providers is this interval.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    public string Name => DisplayName ?? Id;
}
