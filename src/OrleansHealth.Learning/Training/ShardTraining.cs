using OrleansHealth.Learning.Data;
using OrleansHealth.Learning.Forests;
using OrleansHealth.Learning.Forests.Histogram;

namespace OrleansHealth.Learning.Training;

/// <summary>How one shard grows its trees: the learner and its settings (exactly one of the two is set).</summary>
[GenerateSerializer, Immutable, Alias("oh.learning.ShardTraining")]
public sealed record ShardTraining(
    [property: Id(0)] TreeLearner Learner,
    [property: Id(1)] ForestOptions? FastForest,
    [property: Id(2)] RandomForestSettings? Classic)
{
    public int Trees => Learner == TreeLearner.Classic ? Classic!.Trees : FastForest!.Trees;

    public IReadOnlyList<string> Validate() => Learner == TreeLearner.Classic ? Classic!.Validate() : FastForest!.Validate();

    /// <summary>Extra FastForest runs allowed to make up for trees it dropped.</summary>
    private const int TopUps = 5;

    /// <summary>Grows exactly <see cref="Trees"/> trees.</summary>
    public Forest Train(FeatureMatrix training, IProgress<double>? progress = null, CancellationToken cancellationToken = default) =>
        Learner == TreeLearner.Classic
            ? RandomForestTrainer.Train(training, Classic!, progress, cancellationToken)
            : TrainFastForest(training, FastForest!, progress, cancellationToken);

    /// <summary>
    /// FastForest silently drops a tree whose bag allows no split, so a shard could return fewer trees
    /// than its share. The missing ones are grown in further runs with derived seeds, so a version
    /// always has the trees it was asked for.
    /// </summary>
    private static Forest TrainFastForest(FeatureMatrix training, ForestOptions options, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var forest = FastForestShardTrainer.Train(training, options, progress, cancellationToken);
        for (var run = 1; forest.Trees.Length < options.Trees && run <= TopUps; run++)
        {
            var missing = options.Trees - forest.Trees.Length;
            var more = FastForestShardTrainer.Train(training, options with { Trees = missing, Seed = unchecked(options.Seed + (run * 104_729)) }, null, cancellationToken);
            forest = Forest.Merge([forest, new Forest([.. more.Trees.Take(missing)], more.Width)]);
        }

        return forest.Trees.Length == options.Trees
            ? forest
            : throw new InvalidOperationException($"FastForest grew {forest.Trees.Length} of {options.Trees} trees: the training rows allow too few splits (too few rows or features).");
    }
}
