namespace OrleansHealth.Clinical.Identity.Scoring;

/// <summary>The score of one pair of records with the per-field breakdown that explains it (for review items).</summary>
/// <param name="Total">Sum of the fields' contributions (log2 likelihood ratio).</param>
/// <param name="Conflict">The strongest <see cref="DisagreementEffect"/> among fully disagreeing fields.</param>
/// <param name="Fields">Every field, in <see cref="Comparison.MatchField"/> order.</param>
[GenerateSerializer, Immutable, Alias("oh.identity.MatchScore")]
public sealed record MatchScore(
    [property: Id(0)] double Total,
    [property: Id(1)] DisagreementEffect Conflict,
    [property: Id(2)] IReadOnlyList<FieldScore> Fields);
