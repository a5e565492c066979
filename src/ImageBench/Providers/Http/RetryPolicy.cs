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
    /// Retry billable calls (those that create paid work) by the same rules as free ones, even after a failure that
    /// may have come after the provider read the request — the old behaviour, opted into with <c>--retry-unsafe</c>.
    /// Off by default: then a billable call is sent again only when it provably never reached the provider
    /// (<see cref="MayRetry(CallBilling, Exception, bool)"/>) or was answered 429 or 503. Either way every send that
    /// went unanswered is counted on the attempt, because each may have been paid for.
    /// </summary>
    public bool RetryPossiblyBilled { get; init; }

    /// <summary>
    /// Statuses worth another try: timeouts, conflicts (some gateways answer 409 while a replica is busy),
    /// rate limits and transient server failures. Any other 4xx is the request's fault and repeats identically.
    /// </summary>
    public static bool IsRetryableStatus(int status) =>
        status is 408 or 409 or 429 or 500 or 502 or 503 or 504;

    /// <summary>Network failures (connection reset, DNS, truncated stream) are transient by nature.</summary>
    public static bool IsRetryableException(Exception e) => e is HttpRequestException or IOException;

    /// <summary>
    /// Whether a call answered <paramref name="status"/> may be sent again. A billable call only on 429 and 503: a
    /// rate limit or an unavailable service did not take the work on, while a 500, 502, 504, 408 or 409 may have
    /// come after it was started.
    /// </summary>
    public bool MayRetry(CallBilling billing, int status)
    {
        ArgumentNullException.ThrowIfNull(billing);
        return IsRetryableStatus(status) && (!billing.IsBillable || RetryPossiblyBilled || status is 429 or 503);
    }

    /// <summary>
    /// Whether a call that failed with <paramref name="e"/> may be sent again: a billable one only when the request
    /// provably never reached the provider (see <see cref="RequestDelivery.NeverReached"/>).
    /// </summary>
    public bool MayRetry(CallBilling billing, Exception e, bool neverReached)
    {
        ArgumentNullException.ThrowIfNull(billing);
        return IsRetryableException(e) && (!billing.IsBillable || RetryPossiblyBilled || neverReached);
    }

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
