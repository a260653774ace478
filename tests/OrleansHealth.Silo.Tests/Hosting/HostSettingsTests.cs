using System.Net;
using Microsoft.Extensions.Configuration;
using OrleansHealth.Silo.Hosting;

namespace OrleansHealth.Silo.Tests.Hosting;

public sealed class HostSettingsTests
{
    private static HostSettings Read(params (string Key, string Value)[] values) =>
        HostSettings.Read(new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build());

    private static StartupConfigurationException Rejects(params (string Key, string Value)[] values) =>
        Assert.Throws<StartupConfigurationException>(() => Read(values));

    [Fact]
    public void Read_NothingConfigured_IsEmbeddedOnTheDocumentedPorts()
    {
        var settings = Read();

        Assert.Equal(StorageMode.Memory, settings.Storage);
        Assert.Null(settings.PostgresConnectionString);
        Assert.Equal(8080, settings.HttpPort);
        Assert.Equal(11111, settings.Cluster.SiloPort);
        Assert.Equal(30000, settings.Cluster.GatewayPort);
        Assert.Equal("orleans-health", settings.Cluster.ClusterId);
        Assert.Equal(IPAddress.Loopback, settings.AdvertisedAddress);
    }

    [Fact]
    public void Read_PostgresWithConnectionString_KeepsIt()
    {
        var settings = Read(("Storage", "postgres"), ("ConnectionStrings:Postgres", "Host=db;Username=u;Password=p"),
            ("Cluster:AdvertisedAddress", "10.1.2.3"));

        Assert.Equal(StorageMode.Postgres, settings.Storage);
        Assert.Equal("Host=db;Username=u;Password=p", settings.PostgresConnectionString);
        Assert.Equal(IPAddress.Parse("10.1.2.3"), settings.AdvertisedAddress);
    }

    [Fact]
    public void Read_UnknownStorage_NamesTheSettingAndTheChoices()
    {
        var error = Rejects(("Storage", "Cassandra"));

        Assert.Equal("Storage", error.Setting);
        Assert.Equal("error: Storage: unknown value 'Cassandra'; use 'Memory' (embedded, the default) or 'Postgres'.", error.ToOneLine());
    }

    [Fact]
    public void Read_NumericStorage_IsNotMistakenForAnEnumValue()
    {
        Assert.Equal("Storage", Rejects(("Storage", "7")).Setting);
    }

    [Fact]
    public void Read_PostgresWithoutConnectionString_NamesTheConnectionString()
    {
        var error = Rejects(("Storage", "Postgres"));

        Assert.Equal("ConnectionStrings:Postgres", error.Setting);
    }

    [Fact]
    public void Read_MalformedConnectionString_NamesTheConnectionString()
    {
        Assert.Equal("ConnectionStrings:Postgres", Rejects(("Storage", "Postgres"), ("ConnectionStrings:Postgres", "Hots=x;;=")).Setting);
    }

    [Theory]
    [InlineData("Http:Port", "70000")]
    [InlineData("Http:Port", "-1")]
    [InlineData("Cluster:SiloPort", "0")]
    [InlineData("Cluster:GatewayPort", "65536")]
    public void Read_PortOutOfRange_NamesThePort(string key, string value)
    {
        Assert.Equal(key, Rejects((key, value)).Setting);
    }

    [Fact]
    public void Read_AdvertisedAddressNotAnIp_NamesIt()
    {
        Assert.Equal("Cluster:AdvertisedAddress", Rejects(("Cluster:AdvertisedAddress", "silo-1.local")).Setting);
    }

    [Fact]
    public void Read_NoShutdownSettings_DrainsForFiveSeconds()
    {
        Assert.Equal(5, Read().Shutdown.DrainDelaySeconds);
    }

    [Fact]
    public void Read_DrainDelay_IsTaken()
    {
        Assert.Equal(0, Read(("Shutdown:DrainDelaySeconds", "0")).Shutdown.DrainDelaySeconds);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("301")]
    public void Read_DrainDelayOutOfRange_NamesIt(string value)
    {
        var error = Rejects(("Shutdown:DrainDelaySeconds", value));

        Assert.Equal($"error: Shutdown:DrainDelaySeconds: {value} is out of range; use 0 to 300.", error.ToOneLine());
    }
}
