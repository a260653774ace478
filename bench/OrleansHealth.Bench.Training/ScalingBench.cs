using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;
using OrleansHealth.Clinical.Model;
using OrleansHealth.Grains;
using OrleansHealth.Grains.Learning;
using OrleansHealth.Grains.Persistence;
using OrleansHealth.Learning;
using OrleansHealth.Learning.Features;
using OrleansHealth.Learning.Training;

namespace OrleansHealth.Bench.Training;

/// <summary>
/// One fixed synthetic set, written straight into the feature partitions of an in-process cluster of 1
/// and then 3 silos (the embedded mode's storage and services), trained with 1, 2, 4 and 8 shards
/// through the grains. The version's timings separate tree building from gathering, preprocessing and
/// merging; the rest of the wall time is the fan-out (shard start, polling) and the wait to notice.
/// </summary>
internal static class ScalingBench
{
    private const string Source = "bench-scaling";
    private const string Model = "scaling-rf";
    private const int Features = 30;
    private static readonly int[] ShardCounts = [1, 2, 4, 8];
    private static readonly short[] SiloCounts = [1, 3];

    public static async Task<IReadOnlyList<ScalingRow>> RunAsync(BenchOptions options)
    {
        var trees = options.Trees ?? 100;
        Console.WriteLine();
        Console.WriteLine($"## scaling: {options.ScalingRows:N0} × {Features} synthetic rows (logistic signal, seed 11), {trees} trees, shards {string.Join(", ", ShardCounts)}, on 1 and 3 silos");
        Console.WriteLine($"note: the silos of an in-process cluster share this process and its {Environment.ProcessorCount} cores; 3 silos here show the cost of spreading, not more hardware.");
        var timelines = Generate(options.ScalingRows);
        var rows = new List<ScalingRow>();
        foreach (var silos in SiloCounts)
        {
            var builder = new InProcessTestClusterBuilder(silos);
            builder.Options.ConfigureFileLogging = false;
            var featureRows = new InMemoryFeatureRowStore();
            var states = new InProcessStateMap();
            builder.ConfigureSilo((_, silo) => Configure(silo, featureRows, states));
            var cluster = builder.Build();
            await cluster.DeployAsync();
            try
            {
                var grains = cluster.Client;
                var load = Stopwatch.StartNew();
                foreach (var batch in timelines.Chunk(2_000))
                {
                    await Task.WhenAll(batch.Select(t => grains.GetGrain<IFeaturePartitionGrain>(FeaturePartitions.Of(t.PseudonymousId)).UpsertAsync(t)));
                }

                Console.WriteLine($"{silos} silo(s): {timelines.Count:N0} timelines written to the partitions in {Table.Seconds(load.Elapsed.TotalSeconds)} s");
                var model = grains.GetGrain<IModelGrain>(Model);
                var problems = await model.DefineAsync(Definition());
                if (problems.Count > 0)
                {
                    throw new InvalidOperationException(string.Join(" ", problems));
                }

                foreach (var learner in options.Learners)
                {
                    // Warm-up (JIT, first activations of the shard grains' code paths); not reported.
                    await TrainAsync(grains, new TrainingRequest(Trees: 2, Shards: 2, Seed: 1, Learner: learner));
                    foreach (var shards in ShardCounts)
                    {
                        var version = await TrainAsync(grains, new TrainingRequest(Trees: trees, Shards: shards, Seed: 1, Learner: learner));
                        if (!version.Completed)
                        {
                            Console.WriteLine($"ERROR: {silos} silo(s), {shards} shards ({learner}) ended {version.State}: {version.Error}");
                        }

                        var row = new ScalingRow(silos, shards, learner, version);
                        Console.WriteLine($"{silos} silo(s), {shards} shard(s), {learner}: wall {Table.Seconds(version.WallSeconds)} s, trees {Table.Seconds(version.Train)} s, AUROC {Table.Auroc(version.ForestAuroc)}");
                        rows.Add(row);
                    }
                }
            }
            finally
            {
                await cluster.DisposeAsync();
            }
        }

        foreach (var learner in options.Learners)
        {
            Print(rows.Where(r => r.Learner == learner).ToList(), learner, options, trees);
        }

        return rows;
    }

    /// <param name="featureRows">One store for all silos of the cluster, as one database would be.</param>
    /// <param name="states">The grain state of all silos, shared for the same reason.</param>
    private static void Configure(ISiloBuilder silo, IFeatureRowStore featureRows, InProcessStateMap states)
    {
        // As the embedded mode and the grain tests' ClusterFixture: in-process storage, in-memory reminders,
        // Orleans' binary state serializer, the learning services, the business clock.
        InProcessGrainStorage.Register(silo.Services, GrainStores.Main, states);
        silo.UseInMemoryReminderService();
        silo.Services.AddSingleton(featureRows);
        silo.Services.AddLearning();
        silo.Services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();
        silo.Services.AddKeyedSingleton(HealthTime.Key, TimeProvider.System);
    }

    private static async Task<TrainedVersion> TrainAsync(IGrainFactory grains, TrainingRequest request)
    {
        var clock = Stopwatch.StartNew();
        var outcome = await grains.GetGrain<IModelGrain>(Model).TrainAsync(request);
        var accepted = clock.Elapsed.TotalSeconds;
        if (outcome.Version is not { } number)
        {
            throw new InvalidOperationException($"Training was refused: {string.Join(" ", outcome.Problems)}");
        }

        var version = grains.GetGrain<IModelVersionGrain>(ShardKeys.Version(Model, number));
        while (true)
        {
            var status = await version.GetStatusAsync();
            if (status is { State: not (VersionState.Training or VersionState.Evaluating) })
            {
                return TrainedVersion.From(status, clock.Elapsed.TotalSeconds, accepted);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    private static ModelDefinition Definition() => new(
        [.. Enumerable.Range(0, Features).Select(i => new FeatureSpec($"x{i}", FeatureKind.Column, $"x{i}", Source: Source))],
        new OutcomeSpec(OutcomeKind.Label, "y", Source: Source),
        Description: "benchmark: fixed synthetic set for shard and silo scaling");

    /// <summary>
    /// Standard normal features; the label is drawn from a logistic model of 10 of them plus one
    /// interaction, so the forest has signal to find and a ceiling below 1.
    /// </summary>
    private static List<ClinicalTimeline> Generate(int rows)
    {
        var random = new Random(11);
        var weights = Enumerable.Range(0, Features).Select(i => i < 10 ? random.NextDouble() * 2 - 1 : 0).ToArray();
        var system = CodeSystems.Tabular(Source);
        var codes = Enumerable.Range(0, Features).Select(i => $"{system}|x{i}").ToArray();
        var label = $"{system}|y";
        var timelines = new List<ClinicalTimeline>(rows);
        for (var p = 0; p < rows; p++)
        {
            var x = new double[Features];
            for (var i = 0; i < Features; i++)
            {
                x[i] = Normal(random);
            }

            var logit = 0.3 + (1.2 * x[10] * x[11]);
            for (var i = 0; i < Features; i++)
            {
                logit += 1.5 * weights[i] * x[i];
            }

            var y = random.NextDouble() < 1 / (1 + Math.Exp(-logit));
            var observations = new List<TimelineObservation>(Features + 1);
            for (var i = 0; i < Features; i++)
            {
                observations.Add(new TimelineObservation(codes[i], Math.Round(x[i], 5), null, null));
            }

            observations.Add(new TimelineObservation(label, y ? 1 : 0, null, null));
            timelines.Add(new ClinicalTimeline($"ps-scaling-{p:D6}", null, AdministrativeSex.Unknown, observations, []));
        }

        return timelines;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static void Print(IReadOnlyList<ScalingRow> rows, TreeLearner learner, BenchOptions options, int trees)
    {
        var table = new Table("silos", "shards", "silos used", "wall s", "gather", "preprocess", "tree building (timings.train)", "merge", "evaluate",
            "overhead = wall − trees − evaluate", "of which fan-out and wait", "overhead share", "AUROC");
        foreach (var r in rows)
        {
            var v = r.Version;
            table.Add(r.Silos, r.Shards, v.ShardSilos, Table.Seconds(v.WallSeconds), Table.Seconds(v.Gather), Table.Seconds(v.Preprocess), Table.Seconds(v.Train),
                Table.Seconds(v.Merge), Table.Seconds(v.Evaluate), Table.Seconds(v.Overhead),
                Table.Seconds(v.Overhead - v.Gather - v.Preprocess - v.Merge), $"{v.Overhead / v.WallSeconds:P0}", Table.Auroc(v.ForestAuroc));
        }

        table.Print($"### scaling, {learner}, {options.ScalingRows:N0} × {Features}, {trees} trees (3 in-process silos share the same {Environment.ProcessorCount} cores)");
    }
}

internal sealed record ScalingRow(short Silos, int Shards, TreeLearner Learner, TrainedVersion Version);
