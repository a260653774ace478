namespace OrleansHealth.Silo.Shutdown;

/// <summary>
/// Graceful shutdown: the signal drain in place of the console lifetime, the bound on in-flight requests, and
/// on every silo the retry of grain calls that a leaving (or joining) silo turned away.
/// The stop order itself needs nothing: the web server is the host's last hosted service, so it stops first
/// and has finished its requests before the Orleans silo begins to stop.
/// </summary>
public static class ShutdownServices
{
    public static IServiceCollection AddGracefulShutdown(this IServiceCollection services, ShutdownOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<ShutdownDrain>(sp, TimeProvider.System));
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<InFlightRequests>(sp, TimeProvider.System));
        services.RemoveAll<IHostLifetime>();
        services.AddSingleton<IHostLifetime, DrainingHostLifetime>();
        services.AddSingleton<IOutgoingGrainCallFilter>(sp => ActivatorUtilities.CreateInstance<TransientClusterErrorRetry>(sp, TimeProvider.System));
        return services;
    }

    /// <summary>First in the pipeline, so every request is tracked, whatever answers it.</summary>
    public static WebApplication UseInFlightRequestBound(this WebApplication app)
    {
        var requests = app.Services.GetRequiredService<InFlightRequests>();
        requests.CutOffOnStop();
        app.Use(requests.RunAsync);
        return app;
    }
}
