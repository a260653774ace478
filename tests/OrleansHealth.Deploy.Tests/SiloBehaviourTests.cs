using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrleansHealth.Silo.Hosting;
using OrleansHealth.Silo.Shutdown;

namespace OrleansHealth.Deploy.Tests;

/// <summary>
/// The silo really honours the settings <see cref="SiloSettings"/> counts as bound, and maps the paths
/// the deploy files probe and scrape. Each marker in <see cref="SiloFacts.Markers"/> must arrive.
/// </summary>
[Collection(SiloFactsCollection.Name)]
public sealed class SiloBehaviourTests(SiloFacts silo)
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/health/startup")]
    [InlineData("/metrics")]
    public void TheSiloMapsTheOperationalPath(string path) => Assert.Contains(path, silo.Routes);

    [Fact]
    public void ShutdownTimeoutSeconds_SetsTheHostsShutdownTimeout() =>
        Assert.Equal(TimeSpan.FromSeconds(37), silo.ShutdownTimeout);

    [Fact]
    public void ClusterMembershipSection_ConfiguresOrleansMembership() =>
        Assert.Equal(7, silo.Membership.NumMissedProbesLimit);

    [Fact]
    public void OtelResourceAttributes_ReachTheTracesResource() =>
        Assert.Equal("bound", silo.ResourceAttributes["deploy.tests"]);

    [Fact]
    public void ReflectedSections_AreBoundByTheSilo()
    {
        Assert.Equal(17, silo.Demo.Patients);
        Assert.Equal(123, silo.Ingest.ChunkSize);
        Assert.Equal(9, silo.Shutdown.DrainDelaySeconds);
    }

    [Fact]
    public void TheDrainingLifetime_ReplacesTheConsoleLifetime() =>
        Assert.IsType<DrainingHostLifetime>(silo.App.Services.GetRequiredService<IHostLifetime>());

    [Fact]
    public void OtlpEndpoint_IsReadByTheSilosTelemetrySetup()
    {
        var sources = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "src", "OrleansHealth.Silo"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

        Assert.Contains(sources, f => File.ReadAllText(f).Contains($"configuration[\"{SiloSettings.OtlpEndpointKey}\"]", StringComparison.Ordinal));
    }

    [Fact]
    public void DownwardApiVariables_AreTheAdvertisedAddressAndTheSiloName()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [HostSettings.StorageKey] = "Postgres",
            [HostSettings.ConnectionStringKey] = "Host=db;Username=u;Password=p;Database=d",
        }).Build();
        Assert.Equal(["POD_IP", "POD_NAME"], SiloSettings.ProcessEnvironment.Order());

        Environment.SetEnvironmentVariable("POD_IP", "10.1.2.3");
        Environment.SetEnvironmentVariable("POD_NAME", "orleans-health-5d9c7-abcde");
        try
        {
            var settings = HostSettings.Read(configuration);

            Assert.Equal(IPAddress.Parse("10.1.2.3"), settings.AdvertisedAddress);
            Assert.Equal("orleans-health-5d9c7-abcde", settings.SiloName);
        }
        finally
        {
            Environment.SetEnvironmentVariable("POD_IP", null);
            Environment.SetEnvironmentVariable("POD_NAME", null);
        }
    }

    [Fact]
    public void OptionSections_AreFoundByReflection()
    {
        foreach (var section in new[] { "Http", "Cluster", "Demo", "Ingest", "Shutdown" })
        {
            Assert.Contains(section, SiloSettings.OptionSections.Keys);
        }
    }

    [Theory]
    [InlineData("Storage")]
    [InlineData("ConnectionStrings__Postgres")]
    [InlineData("Http__Port")]
    [InlineData("Cluster__SiloPort")]
    [InlineData("cluster__gatewayport")]
    [InlineData("Cluster__AdvertisedAddress")]
    [InlineData("Cluster__Membership__ProbeTimeout")]
    [InlineData("Demo__Enabled")]
    [InlineData("Ingest__Limits__MaxLineLength")]
    [InlineData("shutdownTimeoutSeconds")]
    [InlineData("Shutdown__DrainDelaySeconds")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT")]
    [InlineData("POD_IP")]
    public void Binds_KnownSettings(string name) => Assert.True(SiloSettings.Binds(name), name);

    [Theory]
    [InlineData("Cluster__SiloPrt")]
    [InlineData("Http__Port__Extra")]
    [InlineData("ConnectionStrings__Default")]
    [InlineData("Cluster")]
    [InlineData("POD_NAMESPACE")]
    [InlineData("pod_ip")]
    [InlineData("ASPNETCORE_URLS")]
    public void DoesNotBind_OtherNames(string name) => Assert.False(SiloSettings.Binds(name), name);
}
