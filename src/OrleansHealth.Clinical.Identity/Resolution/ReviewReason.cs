namespace OrleansHealth.Clinical.Identity.Resolution;

/// <summary>Why a record needs a person to look at it.</summary>
[GenerateSerializer, Alias("oh.identity.ReviewReason")]
public enum ReviewReason
{
    /// <summary>Its best candidate scored in the review band (or above it, with a capping conflict).</summary>
    PossibleMatch = 0,

    /// <summary>Its person-level identifiers are already linked to two different patients.</summary>
    IdentifierConflict = 1,
}
