namespace ImageBench.Providers.Http;

/// <summary>
/// When and how long to wait before trying a failed call again. Retries are honest: every one is recorded on the
/// attempt, so a policy only decides whether the benchmark gets an answer, never what the latency looks like.
/// </summary>
/// <param name="MaxRetries">Tries after the first one (3 → at most 4 calls).</param>
/// <param name="BaseDelay">Backoff before the first retry; doubles per retry.</param>
/// <param name="MaxDelay">Ceiling of one backoff wait.</param>
/// <param name="MaxRetryAfter">Longest server-requested wait we accept; longer requests mean "give up now".</param>
/// <param name="MaxTotalWait">Budget for all waits of one call; a wait that would exceed it is not started.</param>
/// <param name="JitterFraction">Share of each backoff that is randomised away (0 = deterministic, 0.5 = 50–100 %).</param>
public sealed record RetryPolicy(
    int MaxRetries,
    TimeSpan BaseDelay,
    TimeSpan MaxDelay,
    TimeSpan MaxRetryAfter,
    TimeSpan MaxTotalWait,
    double JitterFraction = 0.5)
{
    public static RetryPolicy Default { get; } = new(
        MaxRetries: 3,
        BaseDelay: TimeSpan.FromSeconds(1),
        MaxDelay: TimeSpan.FromSeconds(30),
        MaxRetryAfter: TimeSpan.FromSeconds(120),
        MaxTotalWait: TimeSpan.FromSeconds(180));

    /// <summary>No retries at all: the first answer is the answer.</summary>
    public static RetryPolicy None { get; } = Default with { MaxRetries = 0 };

    /// <summary>
    /// Statuses worth another try: timeouts, conflicts (some gateways answer 409 while a replica is busy),
    /// rate limits and transient server failures. Any other 4xx is the request's fault and repeats identically.
    /// </summary>
    public static bool IsRetryableStatus(int status) =>
        status is 408 or 409 or 429 or 500 or 502 or 503 or 504;

    /// <summary>Network failures (connection reset, DNS, truncated stream) are transient by nature.</summary>
    public static bool IsRetryableException(Exception e) => e is HttpRequestException or IOException;

    /// <summary>Jittered exponential backoff before retry number <paramref name="retry"/> (1-based).</summary>
    public TimeSpan Backoff(int retry, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);
        ArgumentNullException.ThrowIfNull(random);
        var exponent = Math.Min(retry - 1, 30);
        var raw = Math.Min(BaseDelay.TotalMilliseconds * Math.Pow(2, exponent), MaxDelay.TotalMilliseconds);
        var factor = 1 - (Math.Clamp(JitterFraction, 0, 1) * random.NextDouble());
        return TimeSpan.FromMilliseconds(raw * factor);
    }
}
