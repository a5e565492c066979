using ImageBench.Emulator.Faults;

namespace ImageBench.Emulator;

/// <summary>
/// Per-call probabilities of emulated faults. Transient faults are never injected on two consecutive calls for the
/// same call (model and prompt at create, job at poll, URL at delivery), so a client's retry always gets through;
/// <see cref="FaultKind.Persistent"/> and dead URLs are the explicit exceptions. Refusals are decided per prompt:
/// a refused prompt stays refused, as real moderation would.
/// </summary>
public sealed record FailureInjection
{
    /// <summary>429 on the create call (shorthand for a <see cref="Faults"/> entry).</summary>
    public double RateLimitRate { get; init; }
    /// <summary>Unscaled Retry-After the 429 advertises; multiplied by <see cref="EmulatorOptions.TimeScale"/>.</summary>
    public double RetryAfterSeconds { get; init; } = 1;
    /// <summary>HTTP 500 with the standard error envelope on the create call.</summary>
    public double ServerErrorRate { get; init; }
    /// <summary>HTTP 503 with the standard error envelope on the create call.</summary>
    public double UnavailableRate { get; init; }
    public double RefusalRate { get; init; }
    /// <summary>Headers arrive at once, the create answer's body trickles in over a few (scaled) seconds.</summary>
    public double SlowBodyRate { get; init; }
    /// <summary>Content-Length promises more than is sent, then the connection is closed (create answer).</summary>
    public double TruncatedBodyRate { get; init; }
    /// <summary>HTTP 200 whose body is not what the protocol promises (create answer).</summary>
    public double GarbageBodyRate { get; init; }
    /// <summary>Any fault kind at any site; adds to the shorthands above.</summary>
    public IReadOnlyList<FaultRate> Faults { get; init; } = [];

    /// <summary>The shorthands and <see cref="Faults"/> as one list.</summary>
    internal IEnumerable<FaultRate> Rates()
    {
        (FaultKind Kind, double Rate)[] shorthands =
        [
            (FaultKind.RateLimit, RateLimitRate), (FaultKind.ServerError, ServerErrorRate), (FaultKind.Unavailable, UnavailableRate),
            (FaultKind.SlowBody, SlowBodyRate), (FaultKind.TruncatedBody, TruncatedBodyRate), (FaultKind.GarbageBody, GarbageBodyRate),
        ];
        return shorthands.Where(s => s.Rate > 0).Select(s => new FaultRate(s.Kind, FaultSite.Create, s.Rate)).Concat(Faults.Where(f => f.Kind != FaultKind.None));
    }
}
