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

    public Forest Train(FeatureMatrix training, IProgress<double>? progress = null, CancellationToken cancellationToken = default) =>
        Learner == TreeLearner.Classic
            ? RandomForestTrainer.Train(training, Classic!, progress, cancellationToken)
            : FastForestShardTrainer.Train(training, FastForest!, progress, cancellationToken);
}
