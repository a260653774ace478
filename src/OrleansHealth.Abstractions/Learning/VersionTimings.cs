namespace OrleansHealth.Learning;

/// <summary>Where a version's wall time went, in seconds: gathering rows, preprocessing, the shards' tree building (first start to last finish), merging, evaluating.</summary>
[GenerateSerializer, Immutable, Alias("oh.VersionTimings")]
public sealed record VersionTimings(
    [property: Id(0)] double Gather,
    [property: Id(1)] double Preprocess,
    [property: Id(2)] double Train,
    [property: Id(3)] double Merge,
    [property: Id(4)] double Evaluate);
