using System.Net;
using System.Net.Sockets;
using System.Text;
using ImageBench.Providers;
using ImageBench.Providers.Http;
using ImageBench.Tests.Support;

namespace ImageBench.Tests.Providers.Http;

/// <summary>
/// The real <see cref="SocketsHttpHandler"/> on loopback sockets: a refused connection is the only failure that proves
/// the request never reached the server, and the fakes in <see cref="NetworkFaults"/> are classified as the real
/// failures they stand for.
/// </summary>
public sealed class RequestDeliveryTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private static StringContent Body() => new(new string('x', 4096), Encoding.UTF8, "application/json");

    private static async Task<Exception> FailureOf(Func<HttpClient, Task> send)
    {
        using var client = ProviderRegistry.CreateHttpClient();
        var e = await Record.ExceptionAsync(() => send(client).WaitAsync(Guard));
        return Assert.IsAssignableFrom<HttpRequestException>(e);
    }

    [Fact]
    public async Task A_refused_connection_never_reached_the_server()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var e = await FailureOf(c => c.PostAsync($"http://127.0.0.1:{port}/v1/images/generations", Body()));

        Assert.True(RequestDelivery.NeverReached(e, clientHasNoTimeout: true), e.ToString());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_connection_dropped_after_the_body_was_read_may_have_reached_the_server(bool reset)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var server = Task.Run(async () =>
        {
            using var socket = await listener.AcceptSocketAsync();
            await ReadRequestAsync(socket);
            if (reset) socket.LingerState = new LingerOption(true, 0); // RST instead of FIN
            socket.Close();
        });

        var e = await FailureOf(c => c.PostAsync($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/v1/images/generations", Body()));
        await server.WaitAsync(Guard);

        Assert.False(RequestDelivery.NeverReached(e, clientHasNoTimeout: true), e.ToString());
    }

    [Fact]
    public void The_fakes_are_classified_as_the_failures_they_stand_for()
    {
        static Exception Of(Reply r) => r.Throw!;
        Assert.True(RequestDelivery.NeverReached(Of(NetworkFaults.ConnectionRefused()), true));
        Assert.True(RequestDelivery.NeverReached(Of(NetworkFaults.ConnectTimeout()), true));
        Assert.False(RequestDelivery.NeverReached(Of(NetworkFaults.ConnectTimeout()), false));
        Assert.False(RequestDelivery.NeverReached(Of(NetworkFaults.ResetAfterBody()), true));
        Assert.False(RequestDelivery.NeverReached(Of(NetworkFaults.ResponseEnded()), true));
        Assert.False(RequestDelivery.NeverReached(Of(NetworkFaults.ReadTimeout()), true));
    }

    /// <summary>Reads the request line, headers and the whole Content-Length body, so the server has "seen" the request.</summary>
    private static async Task ReadRequestAsync(Socket socket)
    {
        var buffer = new byte[16 * 1024];
        var received = new MemoryStream();
        while (true)
        {
            var n = await socket.ReceiveAsync(buffer);
            if (n == 0) return;
            received.Write(buffer, 0, n);
            var text = Encoding.ASCII.GetString(received.ToArray());
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end < 0) continue;
            var length = text[..end].Split("\r\n").Select(l => l.Split(':', 2)).Where(p => p.Length == 2 && p[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                .Select(p => int.Parse(p[1].Trim(), System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
            if (received.Length - (end + 4) >= length) return;
        }
    }
}
