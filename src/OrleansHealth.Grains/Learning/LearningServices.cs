using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Hosting;
using OrleansHealth.Learning.Features;

namespace OrleansHealth.Grains.Learning;

/// <summary>Registers what the learning grains need in a silo.</summary>
public static class LearningServices
{
    public static IServiceCollection AddLearning(this IServiceCollection services)
    {
        services.TryAddSingleton(Pseudonyms.Development);
        services.TryAddSingleton<ScoringModelCache>();
        services.TryAddSingleton<IShardTrainer, ThreadPoolShardTrainer>();
        // The embedded default; the PostgreSQL mode registers its table-backed store first.
        services.TryAddSingleton<IFeatureRowStore, InMemoryFeatureRowStore>();
        services.AddPlacementDirector<ShardSpreadPlacement, ShardSpreadPlacementDirector>();
        return services;
    }
}
