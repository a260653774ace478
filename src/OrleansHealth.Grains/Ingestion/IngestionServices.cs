using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrleansHealth.Grains.Identity;

namespace OrleansHealth.Grains.Ingestion;

/// <summary>Registers the ingest pipeline, the grain-backed identity resolver and the name search over its blocks, with their options.</summary>
public static class IngestionServices
{
    public static IServiceCollection AddIngestion(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IngestOptions>()
            .Bind(configuration.GetSection(IngestOptions.Section))
            .Validate(o => o.ChunkSize > 0 && o.Parallelism > 0 && o.MaxListedErrors >= 0 && o.MaxBodyBytes > 0,
                "Ingest:ChunkSize, Ingest:Parallelism and Ingest:MaxBodyBytes must be positive, Ingest:MaxListedErrors not negative.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddKeyedSingleton(HealthTime.Key, TimeProvider.System);
        // The PostgreSQL mode registers its own stores before this.
        services.TryAddSingleton<IIdentityClaimStore, InMemoryIdentityClaimStore>();
        services.TryAddSingleton<IIdentityBlockStore, InMemoryIdentityBlockStore>();
        services.AddSingleton<IPatientResolver, GrainPatientResolver>();
        services.AddSingleton<PatientSearch>();
        services.AddSingleton<IngestPipeline>();
        return services;
    }
}
