namespace OrleansHealth.Clinical.Quality;

/// <summary>What a source sent during one minute (<see cref="Minute"/> is the minute's start, UTC).</summary>
[GenerateSerializer, Immutable, Alias("oh.IntakeBucket")]
public sealed record IntakeBucket(
    [property: Id(0)] DateTimeOffset Minute,
    [property: Id(1)] long Received,
    [property: Id(2)] long Accepted,
    [property: Id(3)] long Duplicates,
    [property: Id(4)] long Rejected);
