namespace OrleansHealth.Learning;

/// <summary>One shard as its version reports it: where it runs, how far it is, how often it was (re)started.</summary>
[GenerateSerializer, Immutable, Alias("oh.ShardStatus")]
public sealed record ShardStatus(
    [property: Id(0)] int Index,
    [property: Id(1)] ShardState State,
    [property: Id(2)] string? Silo,
    [property: Id(3)] double Progress,
    [property: Id(4)] int Trees,
    [property: Id(5)] int Attempts,
    [property: Id(6)] DateTimeOffset? StartedAt,
    [property: Id(7)] DateTimeOffset? FinishedAt,
    [property: Id(8)] string? Error = null);
