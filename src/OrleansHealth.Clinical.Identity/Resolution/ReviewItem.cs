using OrleansHealth.Clinical.Identity.Scoring;

namespace OrleansHealth.Clinical.Identity.Resolution;

/// <summary>A decision the index would not take alone: is this record's patient the same as the candidate?</summary>
/// <param name="SourceId">The record's source.</param>
/// <param name="LocalId">The record's id in its source.</param>
/// <param name="EnterpriseId">The patient the record was given.</param>
/// <param name="CandidateEnterpriseId">The patient it may be instead.</param>
/// <param name="Reason">Why it is in review.</param>
/// <param name="Score">For a possible match, the score and breakdown against the candidate's closest record.</param>
[GenerateSerializer, Immutable, Alias("oh.identity.ReviewItem")]
public sealed record ReviewItem(
    [property: Id(0)] string SourceId,
    [property: Id(1)] string LocalId,
    [property: Id(2)] string EnterpriseId,
    [property: Id(3)] string CandidateEnterpriseId,
    [property: Id(4)] ReviewReason Reason,
    [property: Id(5)] MatchScore? Score);
