namespace OrleansHealth.Clinical.Identity.Scoring;

/// <summary>
/// Fellegi–Sunter's two thresholds: a score at or above <see cref="Upper"/> links automatically,
/// one below <see cref="Lower"/> is a different person, and the band between goes to a person.
/// A pair's <see cref="DisagreementEffect"/> can only lower the decision.
/// </summary>
public sealed record MatchPolicy
{
    /// <summary>Both thresholds are log2 likelihood ratios; <paramref name="lower"/> must not exceed <paramref name="upper"/>.</summary>
    public MatchPolicy(double upper, double lower)
    {
        if (double.IsNaN(upper) || double.IsNaN(lower) || lower > upper)
        {
            throw new ArgumentException($"Thresholds need lower ≤ upper (got lower {lower}, upper {upper}).");
        }

        Upper = upper;
        Lower = lower;
    }

    /// <summary>Upper 20, lower 10 (see the benchmark in bench/OrleansHealth.Bench.Identity for where they come from).</summary>
    public static MatchPolicy Default { get; } = new(20, 10);

    /// <summary>Scores at or above this link automatically.</summary>
    public double Upper { get; }

    /// <summary>Scores below this are non-matches.</summary>
    public double Lower { get; }

    /// <summary>The decision for a pair's total and conflict.</summary>
    public MatchDecision Decide(double total, DisagreementEffect conflict)
    {
        if (conflict == DisagreementEffect.ForceNonMatch || total < Lower)
        {
            return MatchDecision.NonMatch;
        }

        return total >= Upper && conflict == DisagreementEffect.None ? MatchDecision.Match : MatchDecision.Review;
    }

    /// <summary>The decision for a pair's score.</summary>
    public MatchDecision Decide(PairScore score) => Decide(score.Total, score.Conflict);

    /// <summary>The decision for a pair's explained score.</summary>
    public MatchDecision Decide(MatchScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        return Decide(score.Total, score.Conflict);
    }
}
