namespace OrleansHealth.Clinical.Identity.Scoring;

/// <summary>A pair's total and conflict without the breakdown: what candidate ranking needs, allocation-free.</summary>
/// <param name="Total">Sum of the fields' contributions.</param>
/// <param name="Conflict">The strongest effect among fully disagreeing fields.</param>
[GenerateSerializer, Immutable, Alias("oh.identity.PairScore")]
public readonly record struct PairScore(
    [property: Id(0)] double Total,
    [property: Id(1)] DisagreementEffect Conflict);
