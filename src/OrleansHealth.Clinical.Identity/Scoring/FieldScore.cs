using OrleansHealth.Clinical.Identity.Comparison;

namespace OrleansHealth.Clinical.Identity.Scoring;

/// <summary>One field's part in a <see cref="MatchScore"/>.</summary>
/// <param name="Field">The field.</param>
/// <param name="Agreement">How the two values agreed.</param>
/// <param name="Weight">The level's own weight, log2(m/u).</param>
/// <param name="Contribution">What it added to the total: the weight, or 0 when a stronger field of its dependence group counted instead.</param>
[GenerateSerializer, Immutable, Alias("oh.identity.FieldScore")]
public sealed record FieldScore(
    [property: Id(0)] MatchField Field,
    [property: Id(1)] FieldAgreement Agreement,
    [property: Id(2)] double Weight,
    [property: Id(3)] double Contribution);
