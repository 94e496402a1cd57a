// A TCP port on 127.0.0.1 that nothing listens on right now, for a server a test starts.
using System.Net;
using System.Net.Sockets;

namespace Newsletter.Testing;

internal static class FreeTcpPort
{
    /// <summary>Asks the kernel for an unused port; another process may still take it before the caller binds it.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
