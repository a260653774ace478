namespace OrleansHealth.Cluster;

/// <summary>
/// One silo's activity: its current rates (over the last half minute), its cumulative counts as last reported,
/// and the rate of each reporting interval recently (<see cref="Series"/>, oldest first) for a chart.
/// </summary>
[GenerateSerializer, Immutable, Alias("oh.SiloActivity")]
public sealed record SiloActivity(
    [property: Id(0)] string Silo,
    [property: Id(1)] string Address,
    [property: Id(2)] double RecordsPerSecond,
    [property: Id(3)] double PredictionsPerSecond,
    [property: Id(4)] long Records,
    [property: Id(5)] long Predictions,
    [property: Id(6)] DateTimeOffset LastReport,
    [property: Id(7)] IReadOnlyList<ActivityRate> Series);
