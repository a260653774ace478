using System.Net;
using System.Net.Sockets;

namespace OrleansHealth.TestSupport;

/// <summary>Asks the kernel for an unused TCP port, so parallel tests never fight over 8080 or 11111.</summary>
public static class FreePort
{
    private static readonly HashSet<int> Handed = [];

    public static int Next()
    {
        lock (Handed)
        {
            while (true)
            {
                using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
                var port = ((IPEndPoint)socket.LocalEndPoint!).Port;
                // Never hand the same port to two callers of one test run.
                if (Handed.Add(port))
                {
                    return port;
                }
            }
        }
    }
}
