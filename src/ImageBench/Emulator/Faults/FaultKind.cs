namespace ImageBench.Emulator.Faults;

/// <summary>
/// What the emulator can do wrong on one call. <see cref="FaultKinds"/> says for each kind its command-line name, when
/// it strikes (before the provider accepts the work, after it, or on a delivery URL) and where it applies.
/// </summary>
public enum FaultKind
{
    None,
    /// <summary>429 in the family's envelope, with Retry-After.</summary>
    RateLimit,
    /// <summary>500 in the family's envelope.</summary>
    ServerError,
    /// <summary>503 in the family's envelope.</summary>
    Unavailable,
    /// <summary>502 with a load balancer's HTML page: the gateway never reached the service.</summary>
    BadGatewayHtml,
    /// <summary>401 "invalid API key" in the family's envelope (the key is present but rejected), on every call it picks.</summary>
    InvalidKey,
    /// <summary>Out of credit, on every call it picks: 402 in the family's envelope (OpenAI: 429 insufficient_quota, as it really answers).</summary>
    NoCredit,
    /// <summary>503 on every call for the chosen prompts, forever: exhausts any retry budget.</summary>
    Persistent,
    /// <summary>The request was read and the work accepted, then the connection is reset before any header.</summary>
    ResetBeforeHeaders,
    /// <summary>504 with a gateway's HTML page after the service accepted the work (it may still finish, and bill).</summary>
    GatewayTimeoutHtml,
    /// <summary>The request was read and the work accepted; no answer ever comes, until the client gives up.</summary>
    Hang,
    /// <summary>Headers at once, the body trickles in over 5 s × TimeScale.</summary>
    SlowBody,
    /// <summary>Content-Length promises the whole body, half is sent, the connection is closed.</summary>
    TruncatedBody,
    /// <summary>Headers and part of the body are sent, then the connection is reset (TCP RST).</summary>
    ResetMidBody,
    /// <summary>200 with the promised Content-Type but an envoy error text as body.</summary>
    GarbageBody,
    /// <summary>200 with a captive portal's / CDN's HTML page as body.</summary>
    HtmlOn200,
    /// <summary>200 with <c>{}</c>.</summary>
    EmptyJson,
    /// <summary>200 with the right field names but every value of the wrong JSON type.</summary>
    WrongTypes,
    /// <summary>200 whose inline image (base64 or data: URL) is not valid base64.</summary>
    BadBase64,
    /// <summary>200 whose image bytes (inline or delivered) decode but are not an image.</summary>
    NotImage,
    /// <summary>A delivery URL past its expiry: 403 (Azure Blob's "Signed expiry time has passed"), on every fetch.</summary>
    ExpiredUrl,
    /// <summary>A delivery URL whose file was deleted: 404 BlobNotFound, on every fetch.</summary>
    GoneUrl,
}
