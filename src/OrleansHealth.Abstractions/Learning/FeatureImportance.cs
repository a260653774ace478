namespace OrleansHealth.Learning;

/// <summary>
/// How much the held-out AUROC drops when one feature's values are shuffled among the held-out patients
/// (permutation importance): model-agnostic, and measured on data no shard saw.
/// </summary>
[GenerateSerializer, Immutable, Alias("oh.FeatureImportance")]
public sealed record FeatureImportance(
    [property: Id(0)] string Feature,
    [property: Id(1)] double AurocDrop);
