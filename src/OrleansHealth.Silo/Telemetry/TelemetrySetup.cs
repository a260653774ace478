using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using OrleansHealth.Grains.Telemetry;

namespace OrleansHealth.Silo.Telemetry;

/// <summary>
/// Traces and metrics for HTTP and grain calls. Orleans' activity propagation (configured on the
/// silo builder) carries the HTTP request's trace into every grain call, so one request is one trace.
/// </summary>
public static class TelemetrySetup
{
    /// <summary>Orleans 10 emits grain-call spans from these sources.</summary>
    public static readonly string[] OrleansActivitySources = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];

    public const string OrleansMeter = "Microsoft.Orleans";

    public static IServiceCollection AddSiloTelemetry(this IServiceCollection services, IConfiguration configuration, string siloName)
    {
        var otel = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("orleans-health", serviceInstanceId: siloName))
            .WithMetrics(metrics => metrics
                .AddMeter(HealthTelemetry.Name)
                .AddMeter(OrleansMeter)
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter());

        // The standard variable turns on OTLP for traces, metrics and logs at once. Spans are recorded
        // only then: with no exporter, a recorded span for every grain call is pure cost (about a tenth
        // of the CPU of an ingest). The sampler follows OTEL_TRACES_SAMPLER / OTEL_TRACES_SAMPLER_ARG.
        if (!string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            otel.WithTracing(tracing => tracing
                    .AddSource(HealthTelemetry.Name)
                    .AddSource(OrleansActivitySources)
                    .AddAspNetCoreInstrumentation(options =>
                        // Probes and scrapes are many and say nothing; keep them out of traces.
                        options.Filter = context => !IsOperationalPath(context.Request.Path))
                    .AddHttpClientInstrumentation())
                .UseOtlpExporter();
        }

        return services;
    }

    /// <summary>The per-silo report of ingestion and prediction counts behind the cluster's rates (<see cref="ActivityReporter"/>).</summary>
    public static IServiceCollection AddActivityReporting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ActivityOptions>()
            .Bind(configuration.GetSection(ActivityOptions.Section))
            .Validate(o => o.Interval > TimeSpan.Zero, "Activity:Interval must be positive.")
            .ValidateOnStart();
        services.AddHostedService<ActivityReporter>();
        return services;
    }

    public static bool IsOperationalPath(PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments("/metrics") || path.StartsWithSegments("/dashboard");
}
