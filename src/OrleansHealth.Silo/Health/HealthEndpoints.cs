using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace OrleansHealth.Silo.Health;

/// <summary>
/// The three Kubernetes probes. Liveness checks nothing but this process answering, on purpose: a
/// database outage must not make Kubernetes restart every silo.
/// </summary>
public static class HealthEndpoints
{
    private const string Ready = "ready";
    private const string Startup = "startup";

    public static IServiceCollection AddSiloHealth(this IServiceCollection services)
    {
        services.AddSingleton<SiloReadiness>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, SiloLifecycleWatcher>();
        services.AddHealthChecks()
            .AddCheck<ReadinessHealthCheck>("silo-ready", tags: [Ready])
            .AddCheck<StartupHealthCheck>("silo-started", tags: [Startup]);
        return services;
    }

    public static IEndpointRouteBuilder MapSiloHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/health/ready", Only(Ready));
        endpoints.MapHealthChecks("/health/startup", Only(Startup));
        return endpoints;
    }

    private static HealthCheckOptions Only(string tag) => new()
    {
        Predicate = check => check.Tags.Contains(tag),
        ResultStatusCodes =
        {
            [HealthStatus.Healthy] = StatusCodes.Status200OK,
            [HealthStatus.Degraded] = StatusCodes.Status200OK,
            [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
        },
    };
}
