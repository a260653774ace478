using OrleansHealth.Clinical.Identity.Scoring;

namespace OrleansHealth.Clinical.Identity.Resolution;

/// <summary>The outcome of resolving one source record.</summary>
/// <param name="EnterpriseId">The patient the record now belongs to.</param>
/// <param name="Kind">How that was decided.</param>
/// <param name="Score">The best candidate's total, when candidates were scored.</param>
/// <param name="CandidateEnterpriseId">For <see cref="ResolutionKind.NewPatientPendingReview"/>, the patient it may be; else null.</param>
/// <param name="Explanation">The best candidate's per-field breakdown, when candidates were scored.</param>
[GenerateSerializer, Immutable, Alias("oh.identity.ResolveResult")]
public sealed record ResolveResult(
    [property: Id(0)] string EnterpriseId,
    [property: Id(1)] ResolutionKind Kind,
    [property: Id(2)] double? Score = null,
    [property: Id(3)] string? CandidateEnterpriseId = null,
    [property: Id(4)] MatchScore? Explanation = null);
