using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Storage;
using Orleans.TestingHost;
using OrleansHealth.Grains;
using OrleansHealth.Clinical.Model;
using OrleansHealth.Grains.Identity;
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

    /// <summary>Grain state, feature rows and identity claims of all three silos: shared, as one database would be.</summary>
    public SharedStores Stores { get; } = new();

    /// <summary>The enterprise patient the source's local id was resolved to, or null.</summary>
    public async Task<string?> PatientOfAsync(string sourceId, string localId) =>
        (await new GrainPatientResolver(Grains, Stores.IdentityClaims, Time).FindAsync(sourceId, [SubjectRef.Local(localId)]))[0];

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(SiloCount);
        builder.ConfigureSilo((_, silo) => ConfigureSilo(silo, Time, Stores));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    /// <summary>The embedded mode's storage, serializer and services, for this fixture and for tests that build a cluster of their own.</summary>
    /// <param name="stores">Shared by every silo of the cluster, so a grain reactivated elsewhere finds its state and rows.</param>
    public static void ConfigureSilo(ISiloBuilder silo, TimeProvider time, SharedStores stores)
    {
        InProcessGrainStorage.Register(silo.Services, GrainStores.Main, stores.States);
        silo.UseInMemoryReminderService();
        silo.Services.AddSingleton<IFeatureRowStore>(stores.FeatureRows);
        silo.Services.AddSingleton<IIdentityClaimStore>(stores.IdentityClaims);
        silo.Services.AddSingleton<IIdentityBlockStore>(stores.IdentityBlocks);
        silo.Services.AddLearning();
        // As the silo host does: grain state in Orleans' binary format.
        silo.Services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();
        silo.Services.AddKeyedSingleton(HealthTime.Key, time);
    }
}

/// <summary>What the silos of one in-process cluster share, as silos share one database.</summary>
public sealed class SharedStores
{
    public InProcessStateMap States { get; } = new();

    public InMemoryFeatureRowStore FeatureRows { get; } = new();

    public InMemoryIdentityClaimStore IdentityClaims { get; } = new();

    public InMemoryIdentityBlockStore IdentityBlocks { get; } = new();
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "three-silo cluster";
}
