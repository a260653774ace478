namespace OrleansHealth.Clinical.Identity.Resolution;

/// <summary>How a record got its enterprise id.</summary>
[GenerateSerializer, Alias("oh.identity.ResolutionKind")]
public enum ResolutionKind
{
    /// <summary>The (source, local id) was resolved before; its id is kept.</summary>
    ExistingLink = 0,

    /// <summary>A person-level identifier (same system and value) was already linked to a patient.</summary>
    IdentifierMatch = 1,

    /// <summary>The best candidate scored at or above the policy's upper threshold without conflict.</summary>
    ProbabilisticMatch = 2,

    /// <summary>No candidate came close: a new patient.</summary>
    NewPatient = 3,

    /// <summary>The best candidate fell in the review band: a new patient, and a review item naming the candidate.</summary>
    NewPatientPendingReview = 4,
}
