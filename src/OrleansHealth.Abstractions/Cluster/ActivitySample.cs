namespace OrleansHealth.Cluster;

/// <summary>
/// What one silo has counted since it started, at <see cref="At"/>: records applied and predictions answered.
/// Cumulative rather than per interval, so that a lost or late report only coarsens the rates, never loses counts.
/// </summary>
[GenerateSerializer, Immutable, Alias("oh.ActivitySample")]
public sealed record ActivitySample(
    [property: Id(0)] string Silo,
    [property: Id(1)] string Address,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] long Records,
    [property: Id(4)] long Predictions);
