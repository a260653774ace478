namespace OrleansHealth.Sources;

/// <summary>A registered source as the API shows it: its registration and when it was last changed.</summary>
[GenerateSerializer, Immutable, Alias("OrleansHealth.SourceDetails")]
public sealed record SourceDetails(
    [property: Id(0)] string SourceId,
    [property: Id(1)] SourceRegistration Registration,
    [property: Id(2)] DateTimeOffset RegisteredAt,
    [property: Id(3)] DateTimeOffset UpdatedAt);
