namespace ImageBench.Emulator;

/// <summary>
/// Per-call probabilities of emulated faults. Transient faults (429, 500, 503 and the three body faults) are never
/// injected on two consecutive calls for the same model and prompt, so a client's retry always gets through.
/// Refusals are decided per prompt: a refused prompt stays refused, as real moderation would.
/// </summary>
public sealed record FailureInjection
{
    public double RateLimitRate { get; init; }
    /// <summary>Unscaled Retry-After the 429 advertises; multiplied by <see cref="EmulatorOptions.TimeScale"/>.</summary>
    public double RetryAfterSeconds { get; init; } = 1;
    /// <summary>HTTP 500 with the standard error envelope.</summary>
    public double ServerErrorRate { get; init; }
    /// <summary>HTTP 503 with the standard error envelope.</summary>
    public double UnavailableRate { get; init; }
    public double RefusalRate { get; init; }
    /// <summary>Headers arrive at once, the body trickles in over a few (scaled) seconds.</summary>
    public double SlowBodyRate { get; init; }
    /// <summary>Content-Length promises more than is sent, then the connection is aborted.</summary>
    public double TruncatedBodyRate { get; init; }
    /// <summary>HTTP 200 whose body is not what the protocol promises (not JSON, not an image).</summary>
    public double GarbageBodyRate { get; init; }
}
