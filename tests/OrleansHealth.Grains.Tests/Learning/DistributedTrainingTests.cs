using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using OrleansHealth.Grains.Learning;
using OrleansHealth.Grains.Persistence;
using OrleansHealth.Grains.Tests.Ingestion;
using OrleansHealth.Learning;
using OrleansHealth.Learning.Evaluation;
using OrleansHealth.Learning.Features;
using OrleansHealth.Learning.Forests;
using OrleansHealth.Learning.Training;
using OrleansHealth.TestSupport;

namespace OrleansHealth.Grains.Tests.Learning;

/// <summary>A version trains on the 3-silo cluster from data ingested through the tabular path.</summary>
[Collection(ClusterCollection.Name)]
public sealed class DistributedTrainingTests(ClusterFixture fixture)
{
    private const string Source = "pima-training";

    private readonly IngestHarness _ingest = new(fixture, chunkSize: 200);

    private IModelGrain Model(string name) => fixture.Grains.GetGrain<IModelGrain>(name);

    private async Task<IModelGrain> DefinedModelAsync(string name)
    {
        await PimaModel.IngestAsync(_ingest, Source);
        var model = Model(name);
        Assert.Empty(await model.DefineAsync(PimaModel.Definition(Source)));
        return model;
    }

    private async Task<VersionStatus> CompletedAsync(string model, int version)
    {
        var grain = fixture.Grains.GetGrain<IModelVersionGrain>(ShardKeys.Version(model, version));
        return (await Eventually.ReturnsAsync(grain.GetStatusAsync, s => s!.State is not VersionState.Training and not VersionState.Evaluating,
            TimeSpan.FromMinutes(3), $"version {version} of {model} to finish"))!;
    }

    [Fact]
    public async Task AVersionThatLostTheActivationTrainingIt_ResumesFromItsSpec_AndCompletes()
    {
        await DefinedModelAsync("pima-resume");
        var version = fixture.Grains.GetGrain<IModelVersionGrain>(ShardKeys.Version("pima-resume", 1));
        // What storage holds after the activation training version 1 was lost (its silo died, or a crash took its
        // directory entry): training, and a heartbeat older than a live run would leave.
        var copier = new ServiceCollection().AddSerializer(s => s.AddAssembly(typeof(ModelVersionState).Assembly)).BuildServiceProvider().GetRequiredService<DeepCopier>();
        await new InProcessGrainStorage(copier, fixture.Stores.States).WriteStateAsync("modelVersion", version.GetGrainId(), new GrainState<ModelVersionState>
        {
            State = new ModelVersionState
            {
                Spec = new VersionSpec("pima-resume", 1, PimaModel.Definition(Source), new TrainingRequest(Trees: 30, Shards: 3, Seed: 3)),
                State = VersionState.Training,
                CreatedAt = fixture.Time.GetUtcNow(),
                HeartbeatAt = fixture.Time.GetUtcNow() - ModelVersionGrain.OrphanedAfter - TimeSpan.FromSeconds(1),
            },
        });

        var status = await CompletedAsync("pima-resume", 1);

        Assert.True(status.State == VersionState.Completed, status.Error);
        Assert.Equal(30, status.ForestTrees);
        Assert.Equal(768, status.Data!.Cohort);
    }

    [Fact]
    public async Task SixShards_SpreadOverTheSilos_MergeIntoOneForest_AndTheMetricsMatchTheStoredPredictions()
    {
        var model = await DefinedModelAsync("pima-six-shards");

        var outcome = await model.TrainAsync(new TrainingRequest(Trees: 60, Shards: 6, Seed: 3));
        Assert.Empty(outcome.Problems);
        var status = await CompletedAsync("pima-six-shards", outcome.Version!.Value);

        Assert.Equal(VersionState.Completed, status.State);
        Assert.Equal(60, status.ForestTrees);
        var perSilo = status.Shards.GroupBy(s => s.Silo).Select(g => g.Count()).ToList();
        Assert.True(perSilo.Count > 1, "the shards ran on one silo only");
        Assert.True(perSilo.Max() <= 3, $"one silo held {perSilo.Max()} of 6 shards");
        Assert.Equal(768, status.Data!.Cohort);
        Assert.Equal(768, status.Data.TrainingRows + status.Data.HoldoutRows);

        // One vote math: the merged forest's probability is the tree-weighted mean of the shards' probabilities.
        var version = fixture.Grains.GetGrain<IModelVersionGrain>(ShardKeys.Version("pima-six-shards", outcome.Version.Value));
        var merged = (await version.GetForestAsync())!;
        var shards = await Task.WhenAll(Enumerable.Range(0, 6).Select(k =>
            fixture.Grains.GetGrain<IForestShardGrain>(ShardKeys.Shard("pima-six-shards", outcome.Version.Value, k)).GetForestAsync()));
        var random = new Random(5);
        for (var i = 0; i < 50; i++)
        {
            var row = Enumerable.Range(0, merged.Width).Select(_ => (float)(random.NextDouble() * 200)).ToArray();
            var mean = shards.Sum(s => s!.Probability(row) * s.Trees.Length) / shards.Sum(s => s!.Trees.Length);
            Assert.Equal(mean, merged.Probability(row), 12);
        }

        // The reported held-out metrics are those of the stored held-out predictions, and every held-out row is one the hash holds out.
        var holdout = (await version.GetHoldoutPredictionsAsync())!;
        Assert.Equal(status.Data.HoldoutRows, holdout.RowIds.Length);
        Assert.All(holdout.RowIds, id => Assert.True(HoldoutSplit.IsHeldOut(id, 20)));
        var recomputed = BinaryEvaluation.Evaluate(holdout.Forest, holdout.Labels, status.Request.Threshold);
        Assert.Equal(recomputed.Auroc, status.Forest!.Auroc, 12);
        Assert.Equal(recomputed.Brier, status.Forest.Brier, 12);
        Assert.Equal(recomputed.Confusion, status.Forest.Confusion);
        Assert.Equal(BinaryEvaluation.Evaluate(holdout.Baseline, holdout.Labels, 0.5).Auroc, status.Baseline!.Auroc, 12);
        Assert.InRange(status.Forest.Auroc, 0.75, 1.0);
        Assert.Contains(status.Winner, new[] { "forest", "baseline" });
        Assert.Equal(status.SelectedFeatures.Count, status.Importance.Count);
        Assert.Equal(8, status.Ranking.Count);
    }

    [Fact]
    public async Task Promote_MakesAVersionActive_AndAnOlderOneCanBePromotedBack()
    {
        var model = await DefinedModelAsync("pima-promote");
        var first = (await model.TrainAsync(new TrainingRequest(Trees: 10, Shards: 2, Seed: 1))).Version!.Value;
        var second = (await model.TrainAsync(new TrainingRequest(Trees: 10, Shards: 2, Seed: 2))).Version!.Value;
        await CompletedAsync("pima-promote", first);
        await CompletedAsync("pima-promote", second);

        Assert.Empty(await model.PromoteAsync(second));
        Assert.Equal(second, (await model.GetAsync())!.ActiveVersion);
        Assert.Empty(await model.PromoteAsync(first));
        var details = (await model.GetAsync())!;
        Assert.Equal(first, details.ActiveVersion);
        Assert.Equal([first, second], details.Versions.Select(v => v.Version));
        Assert.All(details.Versions, v => Assert.Equal(VersionState.Completed, v.State));
        Assert.NotEmpty(await model.PromoteAsync(99));
    }

    [Fact]
    public async Task TheSameSeed_ReproducesTheSameForest()
    {
        var model = await DefinedModelAsync("pima-seed");
        var a = (await model.TrainAsync(new TrainingRequest(Trees: 8, Shards: 2, Seed: 11))).Version!.Value;
        var b = (await model.TrainAsync(new TrainingRequest(Trees: 8, Shards: 2, Seed: 11))).Version!.Value;
        var statusA = await CompletedAsync("pima-seed", a);
        var statusB = await CompletedAsync("pima-seed", b);
        Assert.Equal(statusA.Forest!.Auroc, statusB.Forest!.Auroc);
        Assert.Equal(statusA.Request, statusB.Request);
    }

    [Fact]
    public async Task BadRequests_AreRefusedWithWhatToChange_AndCreateNoVersion()
    {
        var model = await DefinedModelAsync("pima-refusals");
        async Task<string> RefusedAsync(TrainingRequest request)
        {
            var outcome = await model.TrainAsync(request);
            Assert.Null(outcome.Version);
            return string.Join(" ", outcome.Problems);
        }

        Assert.Contains("shards", await RefusedAsync(new TrainingRequest(Trees: 64, Shards: 64)));
        Assert.Contains("Leaves", await RefusedAsync(new TrainingRequest(Leaves: 1, Learner: TreeLearner.FastForest)), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("leaves", await RefusedAsync(new TrainingRequest(Leaves: 100)));
        Assert.Contains("maxDepth", await RefusedAsync(new TrainingRequest(MaxDepth: 0)));
        Assert.Contains("trees", await RefusedAsync(new TrainingRequest(Trees: 2, Shards: 4)));

        var oneClass = Model("pima-one-class");
        Assert.Empty(await oneClass.DefineAsync(PimaModel.Definition(Source, positive: ["7"])));
        Assert.Contains("only one class", string.Join(" ", (await oneClass.TrainAsync(new TrainingRequest())).Problems));

        var unknown = Model("pima-unknown-code");
        var definition = PimaModel.Definition(Source);
        Assert.Empty(await unknown.DefineAsync(definition with { Features = [.. definition.Features, new FeatureSpec("hba1c", FeatureKind.Observation, "4548-4")] }));
        Assert.Contains("4548-4", string.Join(" ", (await unknown.TrainAsync(new TrainingRequest())).Problems));

        Assert.Empty((await model.GetAsync())!.Versions);
        Assert.NotEmpty((await Model("never-defined").TrainAsync(new TrainingRequest())).Problems);
    }

    [Fact]
    public async Task ClassicLearner_WithCrossValidation_ReportsEveryFold()
    {
        var model = await DefinedModelAsync("pima-classic-cv");
        var outcome = await model.TrainAsync(new TrainingRequest(Trees: 30, Shards: 3, Seed: 5, Learner: TreeLearner.Classic, Folds: 4));
        Assert.Empty(outcome.Problems);
        var status = await CompletedAsync("pima-classic-cv", outcome.Version!.Value);

        Assert.True(status.State == VersionState.Completed, status.Error);
        Assert.Equal(30, status.ForestTrees);
        var cv = status.CrossValidation!;
        Assert.Equal(4, cv.Folds);
        Assert.Equal(4, cv.ForestAuroc.Count);
        Assert.Equal(cv.ForestAuroc.Average(), cv.ForestMean, 12);
        Assert.All(cv.ForestAuroc, a => Assert.InRange(a, 0.7, 1.0));
        Assert.All(cv.BaselineAuroc, a => Assert.InRange(a, 0.7, 1.0));
    }

    [Fact]
    public async Task Cancel_StopsATrainingVersion_AndTheModelListsItAsCancelled()
    {
        var model = await DefinedModelAsync("pima-cancel");
        var outcome = await model.TrainAsync(new TrainingRequest(Trees: 20_000, Shards: 2, Seed: 6));
        var version = fixture.Grains.GetGrain<IModelVersionGrain>(ShardKeys.Version("pima-cancel", outcome.Version!.Value));

        await version.CancelAsync();

        var status = await CompletedAsync("pima-cancel", outcome.Version.Value);
        Assert.Equal(VersionState.Cancelled, status.State);
        Assert.Null(await version.GetForestAsync());
        var listed = await Eventually.ReturnsAsync(model.GetAsync, m => m!.Versions.Single().State == VersionState.Cancelled, TimeSpan.FromSeconds(30), "the model to list the cancelled version");
        Assert.NotEmpty(await model.PromoteAsync(outcome.Version.Value));
        Assert.Null(listed!.ActiveVersion);
    }
}
