namespace OrleansHealth.Ingestion;

/// <summary>One page of a source's quarantine and the total count.</summary>
[GenerateSerializer, Immutable, Alias("oh.QuarantinePage")]
public sealed record QuarantinePage(
    [property: Id(0)] int Total,
    [property: Id(1)] IReadOnlyList<QuarantineItem> Items);
