using System.Net;
using System.Net.Sockets;

namespace OrleansHealth.Silo.Hosting;

/// <summary>
/// Tries each port before the silo binds it, so "port in use" is reported with the setting that
/// chose it rather than as a socket exception from inside Kestrel or Orleans.
/// </summary>
public static class PortCheck
{
    public static void EnsureFree(HostSettings settings)
    {
        if (settings.HttpPort != 0)
        {
            EnsureFree($"{HttpOptions.Section}:Port", settings.HttpPort);
        }

        EnsureFree($"{ClusterHostingOptions.Section}:SiloPort", settings.Cluster.SiloPort);
        EnsureFree($"{ClusterHostingOptions.Section}:GatewayPort", settings.Cluster.GatewayPort);
    }

    private static void EnsureFree(string key, int port)
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.Bind(new IPEndPoint(IPAddress.Any, port));
        }
        catch (SocketException ex) when (ex.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
        {
            throw new StartupConfigurationException(key,
                $"port {port} is already in use or not allowed; choose another port.", ex);
        }
    }
}
