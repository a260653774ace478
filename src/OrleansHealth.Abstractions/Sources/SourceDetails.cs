namespace OrleansHealth.Sources;

/// <summary>A registered source: its registration, when it was last changed, its counters and quality.</summary>
[GenerateSerializer, Immutable, Alias("OrleansHealth.SourceDetails")]
public sealed record SourceDetails(
    [property: Id(0)] string SourceId,
    [property: Id(1)] SourceRegistration Registration,
    [property: Id(2)] DateTimeOffset RegisteredAt,
    [property: Id(3)] DateTimeOffset UpdatedAt,
    [property: Id(4)] SourceStatistics Statistics);
