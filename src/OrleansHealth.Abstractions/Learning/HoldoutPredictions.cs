namespace OrleansHealth.Learning;

/// <summary>The stored held-out predictions a version's metrics were computed from, so anyone can recompute them.</summary>
[GenerateSerializer, Immutable, Alias("oh.HoldoutPredictions")]
public sealed record HoldoutPredictions(
    [property: Id(0)] string[] RowIds,
    [property: Id(1)] bool[] Labels,
    [property: Id(2)] double[] Forest,
    [property: Id(3)] double[] Baseline);
