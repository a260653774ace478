namespace OrleansHealth.Clinical.Identity.Scoring;

/// <summary>
/// What a field's full disagreement does beyond its weight. Fellegi–Sunter sums independent
/// evidence, but some disagreements outweigh any sum: twins share surname, birth date, address and
/// phone — dozens of bits — and differ only in given name. Such fields cap the decision instead.
/// </summary>
[GenerateSerializer, Alias("oh.identity.DisagreementEffect")]
public enum DisagreementEffect
{
    /// <summary>Only the weight counts.</summary>
    None = 0,

    /// <summary>The pair is never linked automatically; at best it goes to review.</summary>
    CapAtReview = 1,

    /// <summary>The pair is a non-match whatever the score (two different SSNs are two people).</summary>
    ForceNonMatch = 2,
}
