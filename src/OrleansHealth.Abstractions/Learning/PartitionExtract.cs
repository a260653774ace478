using OrleansHealth.Learning.Data;

namespace OrleansHealth.Learning;

/// <summary>
/// One partition's rows of a model: the cohort's feature rows and labels (row ids are pseudonymous),
/// the holdout column's value per row when the model has one, how many rows matched any fact of each
/// feature's code, and how many patients the partition holds in all.
/// </summary>
[GenerateSerializer, Immutable, Alias("oh.PartitionExtract")]
public sealed record PartitionExtract(
    [property: Id(0)] FeatureMatrix Rows,
    [property: Id(1)] string?[] HoldoutValues,
    [property: Id(2)] int[] MatchedPerFeature,
    [property: Id(3)] int Patients);
