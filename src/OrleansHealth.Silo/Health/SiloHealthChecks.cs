using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OrleansHealth.Silo.Health;

/// <summary>Readiness: true only while the silo is Active and not shutting down.</summary>
public sealed class ReadinessHealthCheck(SiloReadiness readiness) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(readiness switch
        {
            { IsStopping: true } => HealthCheckResult.Unhealthy("silo is shutting down"),
            { IsReady: true } => HealthCheckResult.Healthy("silo is active"),
            _ => HealthCheckResult.Unhealthy("silo is not active yet"),
        });
}

/// <summary>Startup: true once the silo has been active at least once, and from then on.</summary>
public sealed class StartupHealthCheck(SiloReadiness readiness) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(readiness.HasStarted
            ? HealthCheckResult.Healthy("silo has started")
            : HealthCheckResult.Unhealthy("silo is starting"));
}
