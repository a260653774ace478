using System.Text.Json.Serialization;
using Orleans.Dashboard;
using OrleansHealth.Grains.Ingestion;
using OrleansHealth.Grains.Learning;
using OrleansHealth.Silo.Api;
using OrleansHealth.Silo.Dashboard;
using OrleansHealth.Silo.Demo;
using OrleansHealth.Silo.Health;
using OrleansHealth.Silo.Privacy;
using OrleansHealth.Silo.Security;
using OrleansHealth.Silo.Shutdown;
using OrleansHealth.Silo.Telemetry;

namespace OrleansHealth.Silo.Hosting;

/// <summary>Builds the web application that hosts the silo, its HTTP API and its operational endpoints.</summary>
public static class SiloApplication
{
    /// <summary>
    /// Reads and validates the settings, checks ports and (in the PostgreSQL mode) the database, then
    /// builds the host. Throws <see cref="StartupConfigurationException"/> for anything an operator must fix.
    /// </summary>
    public static async Task<WebApplication> BuildAsync(string[] args, Action<IConfigurationBuilder>? configure = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        configure?.Invoke(builder.Configuration);
        builder.Logging.KeepQueryStringsOutOfLogs();

        var settings = HostSettings.Read(builder.Configuration);
        PortCheck.EnsureFree(settings);
        builder.Services.AddSiloSecurity(builder.Configuration, settings);
        builder.Services.AddAuditTrail(builder.Configuration, settings);
        builder.Services.AddPseudonyms(builder.Configuration, settings);
        if (settings.Storage == StorageMode.Postgres)
        {
            await Persistence.DatabaseCheck.EnsureReadyAsync(settings.PostgresConnectionString!, cancellationToken);
        }

        builder.Services.AddSingleton(settings);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenAnyIP(settings.HttpPort));
        var tls = ClusterTls.Load(builder.Configuration);
        builder.UseOrleans(silo => OrleansSiloSetup.Configure(silo, settings, builder.Configuration, tls));

        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<UnavailableDependencyHandler>();
        builder.Services.AddOpenApi();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddIngestion(builder.Configuration);
        builder.Services.AddLearning();
        builder.Services.Configure<DemoOptions>(builder.Configuration.GetSection(DemoOptions.Section));
        builder.Services.AddSingleton<DemoLoader>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DemoLoader>());
        builder.Services.AddSiloHealth();
        builder.Services.AddGracefulShutdown(settings.Shutdown);
        builder.Services.AddSiloTelemetry(builder.Configuration, settings.SiloName);
        builder.Services.AddActivityReporting(builder.Configuration);

        var app = builder.Build();
        app.UseInFlightRequestBound();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapSiloHealth();
        app.MapPrometheusScrapingEndpoint("/metrics");
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapOrleansDashboard(routePrefix: "/dashboard").RequireAuthorization(Policies.Administration);
        app.MapClusterApi();
        app.MapSourcesApi();
        app.MapFeedKeysApi();
        app.MapIngestApi();
        app.MapPatientsApi();
        app.MapModelsApi();
        app.MapPredictionsApi();
        app.MapBatchPredictionApi();
        app.MapDatasetApi();
        app.MapAuditApi();
        app.MapDashboard();
        return app;
    }
}
