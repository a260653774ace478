namespace OrleansHealth.Learning;

/// <summary>One line of a model's version list.</summary>
[GenerateSerializer, Immutable, Alias("oh.VersionSummary")]
public sealed record VersionSummary(
    [property: Id(0)] int Version,
    [property: Id(1)] VersionState State,
    [property: Id(2)] DateTimeOffset CreatedAt,
    [property: Id(3)] double? Auroc,
    [property: Id(4)] string? Winner);
