using OrleansHealth.Learning.Data;
using OrleansHealth.Learning.Training;

namespace OrleansHealth.Learning;

/// <summary>
/// What one shard trains: the version's preprocessed training rows and its share of the trees with its
/// own seed. <see cref="Fingerprint"/> identifies the task, so a shard that already holds the trees of
/// the same task (a version resuming after a restart) answers at once instead of training again.
/// </summary>
[GenerateSerializer, Immutable, Alias("oh.ShardTask")]
public sealed record ShardTask(
    [property: Id(0)] int Index,
    [property: Id(1)] FeatureMatrix Training,
    [property: Id(2)] ShardTraining Options,
    [property: Id(3)] string Fingerprint);
