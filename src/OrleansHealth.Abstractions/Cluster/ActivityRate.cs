namespace OrleansHealth.Cluster;

/// <summary>Records applied and predictions answered per second over the interval ending at <see cref="At"/>.</summary>
[GenerateSerializer, Immutable, Alias("oh.ActivityRate")]
public sealed record ActivityRate(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] double RecordsPerSecond,
    [property: Id(2)] double PredictionsPerSecond);
