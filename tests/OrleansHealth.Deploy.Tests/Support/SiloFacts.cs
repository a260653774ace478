using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Orleans.Configuration;
using OrleansHealth.Grains.Ingestion;
using OrleansHealth.Silo.Demo;
using OrleansHealth.Silo.Hosting;
using OrleansHealth.Silo.Shutdown;

namespace OrleansHealth.Deploy.Tests.Support;

/// <summary>
/// What the real silo host does with a set of settings: the host is built exactly as the process builds
/// it (<see cref="SiloApplication.BuildAsync"/>, embedded mode, free ports) but not started. Tests read its
/// HTTP routes and the options its services were given.
/// </summary>
public sealed class SiloFacts : IAsyncLifetime
{
    /// <summary>Marker values: each must arrive in the option it configures.</summary>
    public static readonly IReadOnlyDictionary<string, string> Markers = new Dictionary<string, string>
    {
        [SiloSettings.ShutdownTimeoutKey] = "37",
        [$"{SiloSettings.MembershipSection}:NumMissedProbesLimit"] = "7",
        [SiloSettings.ResourceAttributesKey] = "deploy.tests=bound",
        ["Demo:Patients"] = "17",
        ["Ingest:ChunkSize"] = "123",
        ["Shutdown:DrainDelaySeconds"] = "9",
    };

    private WebApplication? _app;

    public WebApplication App => _app ?? throw new InvalidOperationException("not built");

    /// <summary>Every route pattern the silo maps, with a leading slash.</summary>
    public IReadOnlyList<string> Routes { get; private set; } = [];

    public TimeSpan ShutdownTimeout => App.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout;

    public ClusterMembershipOptions Membership => App.Services.GetRequiredService<IOptions<ClusterMembershipOptions>>().Value;

    public DemoOptions Demo => App.Services.GetRequiredService<IOptions<DemoOptions>>().Value;

    public IngestOptions Ingest => App.Services.GetRequiredService<IOptions<IngestOptions>>().Value;

    public ShutdownOptions Shutdown => App.Services.GetRequiredService<HostSettings>().Shutdown;

    public IReadOnlyDictionary<string, object> ResourceAttributes =>
        App.Services.GetRequiredService<TracerProvider>().GetResource().Attributes.ToDictionary(a => a.Key, a => a.Value);

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage"] = "Memory",
            ["Http:Port"] = "0",
            ["Cluster:SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Cluster:GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Demo:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            // Traces are recorded only with an exporter; nothing is sent, the host is never started.
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:4317",
        };
        foreach (var (key, value) in Markers)
        {
            settings[key] = value;
        }

        _app = await SiloApplication.BuildAsync([], configuration => configuration.AddInMemoryCollection(settings));
        Routes = ((IEndpointRouteBuilder)_app).DataSources
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Select(e => "/" + (e.RoutePattern.RawText ?? string.Empty).TrimStart('/'))
            .Distinct()
            .ToList();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SiloFactsCollection : ICollectionFixture<SiloFacts>
{
    public const string Name = "silo facts";
}
