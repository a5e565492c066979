using System.Net;
using System.Net.Sockets;

namespace ImageBench.Tests.Support;

/// <summary>
/// Replies that fail the way <see cref="SocketsHttpHandler"/> fails (the exception types and
/// <see cref="HttpRequestError"/> values were read off the real handler on loopback sockets). The
/// <see cref="RecordedHandler"/> reads the whole request body before it throws, so every fault after the connect
/// is one the provider may have seen the request for.
/// </summary>
public static class NetworkFaults
{
    /// <summary>Nothing listens on the port: the request never left this machine.</summary>
    public static Reply ConnectionRefused() => Throwing(new HttpRequestException(HttpRequestError.ConnectionError,
        "Connection refused (api.example:443)", new SocketException((int)SocketError.ConnectionRefused)));

    /// <summary>The connection was reset after the request body was sent, before any response header.</summary>
    public static Reply ResetAfterBody() => Throwing(new HttpRequestException(HttpRequestError.Unknown,
        "An error occurred while sending the request.", new IOException("Unable to read data from the transport connection: Connection reset by peer.")));

    /// <summary>The server closed the connection after reading the request, without answering.</summary>
    public static Reply ResponseEnded() => Throwing(new HttpRequestException(HttpRequestError.ResponseEnded,
        "An error occurred while sending the request.", new HttpIOException(HttpRequestError.ResponseEnded, "The response ended prematurely. (ResponseEnded)")));

    /// <summary>The handler's ConnectTimeout elapsed: a cancellation carrying a TimeoutException, as SocketsHttpHandler throws it.</summary>
    public static Reply ConnectTimeout() => Throwing(new TaskCanceledException("The operation was canceled.",
        new TimeoutException("A connection could not be established within the configured ConnectTimeout.")));

    /// <summary>A timeout while waiting for the answer (no TimeoutException inside: not the connect timeout).</summary>
    public static Reply ReadTimeout() => Throwing(new TaskCanceledException("read timed out"));

    private static Reply Throwing(Exception e) => new(HttpStatusCode.OK, () => null, Throw: e);
}
