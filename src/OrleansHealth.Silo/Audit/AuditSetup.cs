using Microsoft.AspNetCore.Authorization;
using Npgsql;
using OrleansHealth.Silo.Hosting;

namespace OrleansHealth.Silo.Audit;

public static class AuditSetup
{
    /// <summary>
    /// The trail of the storage mode, its recorder, and the authorization hook that records refusals. An
    /// embedded silo whose audit directory cannot be written refuses to start: it could answer nothing.
    /// </summary>
    public static IServiceCollection AddAuditTrail(this IServiceCollection services, IConfiguration configuration, HostSettings settings)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AuditRecorder>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuditingAuthorizationResultHandler>();
        if (settings.Storage == StorageMode.Postgres)
        {
            // The row stores' data source (OrleansSiloSetup); DatabaseCheck has made sure the table exists.
            services.AddSingleton<IAuditTrail>(sp => new PostgresAuditTrail(sp.GetRequiredService<NpgsqlDataSource>(), settings.Cluster.ServiceId));
            return services;
        }

        var options = configuration.GetSection(AuditOptions.Section).Get<AuditOptions>() ?? new AuditOptions();
        var trail = new FileAuditTrail(options.Directory, TimeProvider.System);
        try
        {
            trail.EnsureWritable();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StartupConfigurationException($"{AuditOptions.Section}:Directory", $"cannot write the audit trail in {trail.Directory}: {ex.Message}");
        }

        services.AddSingleton<IAuditTrail>(trail);
        services.AddSingleton(trail);
        return services;
    }
}
