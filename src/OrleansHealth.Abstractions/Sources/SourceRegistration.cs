namespace OrleansHealth.Sources;

/// <summary>
/// How an upstream feed is registered: a display name, the format it speaks, and its trust rank.
/// A higher trust rank wins a conflict between two sources about the same fact.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansHealth.SourceRegistration")]
public sealed record SourceRegistration(
    [property: Id(0)] string Name,
    [property: Id(1)] SourceFormat Format,
    [property: Id(2)] int TrustRank);
