namespace OrleansHealth.Learning;

/// <summary>Probabilities of a block of rows, the version that gave them, and whether the shards (scatter-gather) or the local replica scored them.</summary>
[GenerateSerializer, Immutable, Alias("oh.BatchScores")]
public sealed record BatchScores(
    [property: Id(0)] int Version,
    [property: Id(1)] double[] Probabilities,
    [property: Id(2)] bool Scattered);
