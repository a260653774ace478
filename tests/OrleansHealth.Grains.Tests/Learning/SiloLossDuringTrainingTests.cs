using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.TestingHost;
using OrleansHealth.Clinical.Model;
using OrleansHealth.Learning;
using OrleansHealth.Learning.Features;
using OrleansHealth.Learning.Forests;
using OrleansHealth.Grains.Learning;
using OrleansHealth.Grains.Persistence;
using OrleansHealth.Learning.Training;
using OrleansHealth.TestSupport;

namespace OrleansHealth.Grains.Tests.Learning;

/// <summary>A silo dies while shards train on it; the shards are retried on the survivors and the version completes with every tree.</summary>
public sealed class SiloLossDuringTrainingTests : IAsyncLifetime
{
    private const string Source = "synthetic-loss";
    private const int Patients = 6_000;
    private const int Features = 10;

    /// <summary>Shards wait here before growing trees, so the test can kill a silo while they are provably mid-training.</summary>
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(3);
        var stores = new SharedStores();
        builder.ConfigureSilo((_, silo) =>
        {
            ClusterFixture.ConfigureSilo(silo, new FakeTimeProvider(), stores);
            silo.Services.AddSingleton<IShardTrainer>(new GatedShardTrainer(_gate.Task));
            // Declare a killed silo dead within seconds rather than the production default of about a minute.
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = TimeSpan.FromSeconds(1);
                o.NumMissedProbesLimit = 2;
                o.NumVotesForDeathDeclaration = 1;
            });
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task KillingASiloMidTraining_StillCompletesTheVersionWithAllItsTrees()
    {
        var grains = _cluster.Client;
        await LoadTimelinesAsync(grains);
        var model = grains.GetGrain<IModelGrain>("loss-model");
        Assert.Empty(await model.DefineAsync(Definition()));

        const int trees = 120;
        var outcome = await model.TrainAsync(new TrainingRequest(Trees: trees, Shards: 6, Leaves: 64, Seed: 9, Learner: TreeLearner.FastForest));
        Assert.Empty(outcome.Problems);
        var version = grains.GetGrain<IModelVersionGrain>(ShardKeys.Version("loss-model", outcome.Version!.Value));

        // A victim: not the primary silo (it holds the test cluster's membership), not the version's own silo,
        // and holding a shard that has started training (held at the gate, so it cannot finish first).
        var primary = _cluster.Silos[0].SiloAddress.ToString();
        var training = await Eventually.ReturnsAsync(version.GetStatusAsync,
            s => s!.Shards.Any(x => x.State == ShardState.Training && x.Silo is not null && x.Silo != primary && x.Silo != s.Silo),
            TimeSpan.FromMinutes(1), "a shard training on a silo that may be killed");
        var victimAddress = training!.Shards.First(x => x.State == ShardState.Training && x.Silo is not null && x.Silo != primary && x.Silo != training.Silo).Silo;
        var victim = _cluster.Silos.SingleOrDefault(s => s.SiloAddress.ToString() == victimAddress)
            ?? throw new InvalidOperationException($"{victimAddress} is not one of {string.Join(", ", _cluster.Silos.Select(s => s.SiloAddress))}");
        await _cluster.KillSiloAsync(victim);
        _gate.SetResult();

        // Until the cluster has declared the victim dead, a request can be lost with it (the client may
        // have been connected through its gateway): such a probe counts as "not finished yet".
        async Task<VersionStatus?> StatusAsync()
        {
            try
            {
                return await version.GetStatusAsync();
            }
            catch (Exception e) when (e is TimeoutException or SiloUnavailableException or OrleansMessageRejectionException)
            {
                return null;
            }
        }

        var done = await Eventually.ReturnsAsync(StatusAsync,
            s => s is { State: not VersionState.Training and not VersionState.Evaluating },
            TimeSpan.FromMinutes(4), "the version to finish after the silo loss");

        Assert.True(done!.State == VersionState.Completed, done.Error);
        Assert.Equal(trees, done.ForestTrees);
        // Every shard the victim held was still at the gate, so each ran again on a survivor.
        var retried = done.Shards.Where(s => s.Attempts >= 2).ToList();
        Assert.NotEmpty(retried);
        Assert.All(retried, s => Assert.NotEqual(victimAddress, s.Silo));
        Assert.InRange(done.Forest!.Auroc, 0.8, 1.0);
    }

    private static ModelDefinition Definition() => new(
        [.. Enumerable.Range(0, Features).Select(i => new FeatureSpec($"x{i}", FeatureKind.Column, $"x{i}", Source: Source))],
        new OutcomeSpec(OutcomeKind.Label, "y", Source: Source));

    /// <summary>Timelines written straight into the partitions: this test is about training, and loading through ingest would only make it slower.</summary>
    private static async Task LoadTimelinesAsync(IGrainFactory grains)
    {
        var random = new Random(17);
        var system = CodeSystems.Tabular(Source);
        var timelines = Enumerable.Range(0, Patients).Select(p =>
        {
            var x = Enumerable.Range(0, Features).Select(_ => random.NextDouble() * 2 - 1).ToArray();
            var signal = (2 * x[0]) - x[1] + (x[2] * x[3]) + (0.5 * random.NextDouble() - 0.25);
            var observations = x.Select((v, i) => new TimelineObservation($"{system}|x{i}", v, null, null)).ToList();
            observations.Add(new TimelineObservation($"{system}|y", signal > 0 ? 1 : 0, null, null));
            return new ClinicalTimeline($"ps-loss-{p:D6}", null, AdministrativeSex.Unknown, observations, []);
        }).ToList();
        foreach (var batch in timelines.Chunk(2_000))
        {
            await Task.WhenAll(batch.Select(t => grains.GetGrain<IFeaturePartitionGrain>(FeaturePartitions.Of(t.PseudonymousId)).UpsertAsync(t)));
        }
    }

    /// <summary>The real trainer, started only once the gate opens.</summary>
    private sealed class GatedShardTrainer(Task gate) : IShardTrainer
    {
        private readonly ThreadPoolShardTrainer _trainer = new();

        public async Task<Forest> TrainAsync(ShardTask task, IProgress<double> progress, CancellationToken cancellationToken)
        {
            await gate.WaitAsync(cancellationToken);
            return await _trainer.TrainAsync(task, progress, cancellationToken);
        }
    }
}
