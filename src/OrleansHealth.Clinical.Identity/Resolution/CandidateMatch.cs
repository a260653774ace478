using OrleansHealth.Clinical.Identity.Scoring;

namespace OrleansHealth.Clinical.Identity.Resolution;

/// <summary>
/// One candidate patient for a record: its best-scoring record's score and the decision the policy
/// makes of it. Block grains each return their best; the caller keeps the best of those.
/// </summary>
/// <param name="EnterpriseId">The candidate patient.</param>
/// <param name="Score">Total and conflict of the closest of its records.</param>
/// <param name="Decision">The policy's decision for that score.</param>
[GenerateSerializer, Immutable, Alias("oh.identity.CandidateMatch")]
public sealed record CandidateMatch(
    [property: Id(0)] string EnterpriseId,
    [property: Id(1)] PairScore Score,
    [property: Id(2)] MatchDecision Decision)
{
    /// <summary>
    /// Ranks by decision first, then total: a twin with a higher total but a capped decision must
    /// not hide the real match below it. Equal ranks keep the earlier candidate (ordinal id as the
    /// last resort, so every caller picks the same one).
    /// </summary>
    public bool IsBetterThan(CandidateMatch? other)
    {
        if (other is null)
        {
            return true;
        }

        if (Decision != other.Decision)
        {
            return Decision > other.Decision;
        }

        if (Score.Total != other.Score.Total)
        {
            return Score.Total > other.Score.Total;
        }

        return string.CompareOrdinal(EnterpriseId, other.EnterpriseId) < 0;
    }
}
