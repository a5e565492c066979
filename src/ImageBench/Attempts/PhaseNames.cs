namespace ImageBench.Attempts;

/// <summary>
/// Names of the phases an attempt's latency is split into. A synchronous API (OpenAI Images) cannot tell
/// queueing from generation, so everything until its response headers is <see cref="Generating"/>.
/// </summary>
public static class PhaseNames
{
    /// <summary>Sending a job to an asynchronous API until it answers with a job id.</summary>
    public const string Submit = "submit";
    /// <summary>Job accepted but the provider says it has not started (BFL Pending without progress, fal IN_QUEUE).</summary>
    public const string Queued = "queued";
    /// <summary>The model is working: a synchronous call up to its response headers, or an async job in progress.</summary>
    public const string Generating = "generating";
    /// <summary>Reading the image bytes (response body or result URL) and storing them.</summary>
    public const string Download = "download";
}
