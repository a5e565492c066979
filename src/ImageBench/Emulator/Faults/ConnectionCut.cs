using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace ImageBench.Emulator.Faults;

/// <summary>
/// Ends a connection mid-answer: with a TCP reset (a crashing proxy) or an orderly close after part of the body (a
/// body cut short). Both write the partial answer straight to the socket: Kestrel sends asynchronously, so a close
/// after its flush could overtake the bytes, and a client that saw no byte on a reused connection silently resends.
/// </summary>
internal static class ConnectionCut
{
    /// <summary>A TCP reset now (linger 0); without a socket (another transport) a plain abort.</summary>
    public static void Reset(HttpContext ctx)
    {
        if (SocketOf(ctx) is { } socket)
        {
            try
            {
                socket.LingerState = new LingerOption(true, 0);
            }
            catch (ObjectDisposedException)
            {
                // Already gone: the abort below is all that is left to do.
            }
        }
        ctx.Abort();
    }

    /// <summary>
    /// Sends the status line, the headers set so far (Content-Length promising all of <paramref name="body"/>) and its
    /// first half, then resets or half-closes (FIN). False when there is no socket to write to.
    /// </summary>
    public static bool SendHalf(HttpContext ctx, int status, byte[] body, string contentType, bool reset)
    {
        if (SocketOf(ctx) is not { } socket) return false;
        var head = new StringBuilder().Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {ReasonPhrases.GetReasonPhrase(status)}\r\n");
        head.Append(CultureInfo.InvariantCulture, $"Content-Type: {contentType}\r\nContent-Length: {body.Length}\r\n");
        foreach (var (name, values) in ctx.Response.Headers)
        {
            if (name is "Content-Type" or "Content-Length") continue;
            foreach (var value in values) head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }
        head.Append("\r\n");
        try
        {
            // Blocking sends hand the bytes to the kernel in order, before the reset or FIN below.
            socket.Send(Encoding.ASCII.GetBytes(head.ToString()));
            socket.Send(body.AsSpan(0, body.Length / 2));
            if (reset) Reset(ctx);
            else socket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            ctx.Abort();
        }
        return true;
    }

    private static Socket? SocketOf(HttpContext ctx) => ctx.Features.Get<IConnectionSocketFeature>()?.Socket;
}
