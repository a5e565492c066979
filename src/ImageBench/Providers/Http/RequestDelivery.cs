namespace ImageBench.Providers.Http;

/// <summary>
/// What a failed send says about whether the provider saw the request. Only a failure to establish the connection
/// proves it did not; everything after (a reset mid-body or before the headers, a response that ended, a read
/// timeout) may have come after the provider read the whole request and started paid work.
/// </summary>
internal static class RequestDelivery
{
    /// <summary>
    /// True when the request provably never reached the provider: the connection could not be made (refused, DNS,
    /// TLS handshake, proxy tunnel) or the handler's connect timeout elapsed. <paramref name="clientHasNoTimeout"/>
    /// must be true for a timeout to count: SocketsHttpHandler reports its ConnectTimeout as a cancellation carrying
    /// a <see cref="TimeoutException"/>, and so does HttpClient.Timeout (which can fire while the answer is awaited),
    /// so the two can only be told apart on a client whose own timeout is off, as the registry's client is.
    /// </summary>
    public static bool NeverReached(Exception e, bool clientHasNoTimeout) => e switch
    {
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
            or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError } => true,
        OperationCanceledException { InnerException: TimeoutException } => clientHasNoTimeout,
        _ => false,
    };
}
