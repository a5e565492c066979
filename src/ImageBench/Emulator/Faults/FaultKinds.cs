namespace ImageBench.Emulator.Faults;

/// <summary>When a fault strikes relative to the provider accepting (and billing) the work.</summary>
public enum FaultTiming
{
    /// <summary>Answered before the work is accepted: nothing is billed, a retry is a fresh call.</summary>
    Rejects,
    /// <summary>The work was accepted (billed), then no usable answer comes: the client cannot know it was paid.</summary>
    Breaks,
    /// <summary>The work was accepted (billed) and answered, but the answer's body is slow or broken.</summary>
    Body,
    /// <summary>The delivery URL itself is dead, for every fetch.</summary>
    Url,
}

/// <summary>One fault kind's name on the command line and in the stats, its timing, and the sites it applies at.</summary>
public sealed record FaultKindInfo(FaultKind Kind, string Name, FaultTiming Timing, IReadOnlyList<FaultSite> Sites, string Meaning)
{
    /// <summary>
    /// Drawn afresh for every call (and never twice in a row for the same call). The others stick: a rejected key, an
    /// empty account and a persistent fault for the prompts they pick, a dead URL for the URLs.
    /// </summary>
    public bool Transient => Kind is not (FaultKind.Persistent or FaultKind.InvalidKey or FaultKind.NoCredit or FaultKind.ExpiredUrl or FaultKind.GoneUrl);

    /// <summary>A sticky kind that picks prompts (the others pick URLs).</summary>
    internal bool PicksPrompts => Kind is FaultKind.Persistent or FaultKind.InvalidKey or FaultKind.NoCredit;
}

/// <summary>The table of fault kinds: one place says what each is called, when it strikes and where it applies.</summary>
public static class FaultKinds
{
    private static readonly FaultSite[] Everywhere = [FaultSite.Create, FaultSite.Poll, FaultSite.Delivery];
    private static readonly FaultSite[] ApiCalls = [FaultSite.Create, FaultSite.Poll];

    public static IReadOnlyList<FaultKindInfo> All { get; } =
    [
        new(FaultKind.RateLimit, "429", FaultTiming.Rejects, Everywhere, "429 with Retry-After, in the family's envelope"),
        new(FaultKind.ServerError, "500", FaultTiming.Rejects, Everywhere, "500 in the family's envelope"),
        new(FaultKind.BadGatewayHtml, "502", FaultTiming.Rejects, Everywhere, "502 with a load balancer's HTML page"),
        new(FaultKind.Unavailable, "503", FaultTiming.Rejects, Everywhere, "503 in the family's envelope"),
        new(FaultKind.InvalidKey, "401", FaultTiming.Rejects, ApiCalls, "401 invalid API key, in the family's envelope"),
        new(FaultKind.NoCredit, "402", FaultTiming.Rejects, ApiCalls, "out of credit: 402 (OpenAI: 429 insufficient_quota)"),
        new(FaultKind.Persistent, "persistent", FaultTiming.Rejects, Everywhere, "503 on every call for the chosen prompts (exhausts retries)"),
        new(FaultKind.ResetBeforeHeaders, "reset", FaultTiming.Breaks, Everywhere, "request read and accepted, connection reset before any header"),
        new(FaultKind.GatewayTimeoutHtml, "504", FaultTiming.Breaks, Everywhere, "work accepted, then 504 with a gateway's HTML page"),
        new(FaultKind.Hang, "hang", FaultTiming.Breaks, Everywhere, "work accepted, no answer until the client gives up"),
        new(FaultKind.SlowBody, "slow", FaultTiming.Body, Everywhere, "body trickles in over 5 s × time scale"),
        new(FaultKind.TruncatedBody, "truncated", FaultTiming.Body, Everywhere, "half the promised body, then the connection closes"),
        new(FaultKind.ResetMidBody, "reset-mid-body", FaultTiming.Body, Everywhere, "headers and part of the body, then a connection reset"),
        new(FaultKind.GarbageBody, "garbage", FaultTiming.Body, Everywhere, "200 with the promised Content-Type and an envoy error text"),
        new(FaultKind.HtmlOn200, "html", FaultTiming.Body, Everywhere, "200 with an HTML page"),
        new(FaultKind.EmptyJson, "empty-json", FaultTiming.Body, ApiCalls, "200 with {}"),
        new(FaultKind.WrongTypes, "wrong-json", FaultTiming.Body, ApiCalls, "200 with every JSON value of the wrong type"),
        new(FaultKind.BadBase64, "bad-base64", FaultTiming.Body, [FaultSite.Create], "the inline image is not valid base64"),
        new(FaultKind.NotImage, "not-image", FaultTiming.Body, [FaultSite.Create, FaultSite.Delivery], "the image bytes are not an image"),
        new(FaultKind.ExpiredUrl, "expired", FaultTiming.Url, [FaultSite.Delivery], "delivery URL answers 403 (signed expiry passed) on every fetch"),
        new(FaultKind.GoneUrl, "gone", FaultTiming.Url, [FaultSite.Delivery], "delivery URL answers 404 (blob not found) on every fetch"),
    ];

    public static FaultKindInfo Of(FaultKind kind) =>
        All.FirstOrDefault(i => i.Kind == kind) ?? throw new ArgumentOutOfRangeException(nameof(kind), kind, "no fault");

    public static FaultKindInfo? Named(string name) => All.FirstOrDefault(i => string.Equals(i.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The site a spec without "@site" means: the only one for URL faults, else the paid call.</summary>
    public static FaultSite DefaultSite(FaultKind kind) => Of(kind).Sites[0];

    public static string SiteName(FaultSite site) => site switch
    {
        FaultSite.Create => "create",
        FaultSite.Poll => "poll",
        _ => "delivery",
    };

    /// <summary>"429", "reset@poll", "expired@delivery": how stats and tables name a fault at a site.</summary>
    public static string Label(FaultKind kind, FaultSite site) =>
        site == FaultSite.Create ? Of(kind).Name : $"{Of(kind).Name}@{SiteName(site)}";
}
