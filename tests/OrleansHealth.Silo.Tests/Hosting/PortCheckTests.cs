using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using OrleansHealth.Silo.Hosting;

namespace OrleansHealth.Silo.Tests.Hosting;

public sealed class PortCheckTests
{
    [Fact]
    public void EnsureFree_HttpPortTaken_NamesHttpPort()
    {
        using var holder = new TcpListener(IPAddress.Any, 0);
        holder.Start();
        var taken = ((IPEndPoint)holder.LocalEndpoint).Port;
        var settings = HostSettings.Read(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Http:Port"] = taken.ToString(),
            ["Cluster:SiloPort"] = FreePort.Next().ToString(),
            ["Cluster:GatewayPort"] = FreePort.Next().ToString(),
        }).Build());

        var error = Assert.Throws<StartupConfigurationException>(() => PortCheck.EnsureFree(settings));

        Assert.Equal("Http:Port", error.Setting);
        Assert.Contains($"port {taken} is already in use", error.Message);
    }
}
