using System.Net;
using System.Net.Sockets;

namespace ImageBench.Emulator;

internal static class FreePort
{
    /// <summary>A port the OS gave us on the first address that is also free on the others.</summary>
    public static int Find(params IPAddress[] addresses)
    {
        for (int attempt = 0; attempt < 50; attempt++)
        {
            var probe = new TcpListener(addresses[0], 0);
            probe.Start();
            int port = ((IPEndPoint)probe.LocalEndpoint).Port;
            try
            {
                if (addresses.Skip(1).All(a => IsFree(a, port)))
                {
                    return port;
                }
            }
            finally
            {
                probe.Stop();
            }
        }
        throw new InvalidOperationException("No port free on all emulator addresses.");
    }

    private static bool IsFree(IPAddress address, int port)
    {
        var listener = new TcpListener(address, port);
        try
        {
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        finally
        {
            listener.Stop();
        }
    }
}
