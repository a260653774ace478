using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Storage;
using Orleans.TestingHost;
using OrleansHealth.Grains;
using OrleansHealth.Grains.Learning;
using OrleansHealth.Grains.Persistence;

namespace OrleansHealth.Grains.Tests;

/// <summary>
/// Three in-process silos with the grain storage and reminders of the embedded mode, shared by every
/// test of <see cref="ClusterCollection"/>. Time is a <see cref="FakeTimeProvider"/> the tests move.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public const short SiloCount = 3;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>The feature rows of all three silos: one store, as one database would be.</summary>
    public InMemoryFeatureRowStore FeatureRows { get; } = new();

    /// <summary>The grain state of all three silos, shared for the same reason.</summary>
    public InProcessStateMap States { get; } = new();

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(SiloCount);
        builder.ConfigureSilo((_, silo) => ConfigureSilo(silo, Time, FeatureRows, States));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    /// <summary>The embedded mode's storage, serializer and services, for this fixture and for tests that build a cluster of their own.</summary>
    /// <param name="featureRows">Shared by every silo of the cluster, so a partition reactivated elsewhere finds its rows.</param>
    /// <param name="states">Grain state shared by every silo of the cluster.</param>
    /// <param name="storage">Creates the grain storage; null uses the embedded mode's in-process storage over <paramref name="states"/>.</param>
    public static void ConfigureSilo(
        ISiloBuilder silo, TimeProvider time, IFeatureRowStore featureRows, InProcessStateMap states, Func<IServiceProvider, IGrainStorage>? storage = null)
    {
        if (storage is null)
        {
            InProcessGrainStorage.Register(silo.Services, GrainStores.Main, states);
        }
        else
        {
            silo.Services.AddKeyedSingleton(GrainStores.Main, (sp, _) => storage(sp));
        }

        silo.UseInMemoryReminderService();
        silo.Services.AddSingleton(featureRows);
        silo.Services.AddLearning();
        // As the silo host does: grain state in Orleans' binary format.
        silo.Services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();
        silo.Services.AddKeyedSingleton(HealthTime.Key, time);
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "three-silo cluster";
}
