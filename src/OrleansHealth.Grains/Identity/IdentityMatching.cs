using OrleansHealth.Clinical.Identity.Keys;
using OrleansHealth.Clinical.Identity.Profiles;
using OrleansHealth.Clinical.Identity.Resolution;
using OrleansHealth.Clinical.Identity.Scoring;
using OrleansHealth.Clinical.Model;
using OrleansHealth.Identity;

namespace OrleansHealth.Grains.Identity;

/// <summary>
/// The identity library's settings as the grains use them, and the one comparison both the resolver
/// and the block grains make, so that "a match" means the same thing wherever it is decided.
/// </summary>
public static class IdentityMatching
{
    public static MasterPatientIndexOptions Options { get; } = new();

    private static readonly FellegiSunterScorer Scorer = new(Options.Model);

    public static PersonProfile Profile(Demographics demographics) =>
        PersonProfile.From(demographics, Options.IdentifierSystems, Options.Nicknames);

    public static IReadOnlyList<string> BlockingKeysOf(PersonProfile profile) => BlockingKeys.For(profile, Options.KeyHasher);

    /// <summary>The best-scoring candidate for <paramref name="profile"/>, or null when there are none.</summary>
    public static (IdentityCandidate Candidate, PairScore Score, MatchDecision Decision)? Best(
        PersonProfile profile, IEnumerable<IdentityCandidate> candidates)
    {
        (IdentityCandidate, PairScore, MatchDecision)? best = null;
        foreach (var candidate in candidates)
        {
            var score = Scorer.ScoreQuickly(profile, Profile(candidate.Demographics));
            if (best is null || score.Total > best.Value.Item2.Total)
            {
                best = (candidate, score, Options.Policy.Decide(score));
            }
        }

        return best;
    }

    /// <summary>Per-field weights of a pair, for a reviewer to see which fields agreed.</summary>
    public static IReadOnlyDictionary<string, double> Explain(PersonProfile a, Demographics b) =>
        Scorer.Score(a, Profile(b)).Fields.ToDictionary(f => f.Field.ToString(), f => Math.Round(f.Contribution, 3), StringComparer.Ordinal);
}
