using OrleansHealth.Clinical.Identity.Text;
using OrleansHealth.Identity;

namespace OrleansHealth.Grains.Identity;

/// <summary>
/// Orders what the blocks returned for a name search. The blocks hold every variant of a patient's demographics
/// (one per source that stated it) under a Soundex code, so the hits are de-duplicated by patient, keeping the
/// variant that ranks best, and then ranked: the exact family name (case and accents aside) before a name that only
/// sounds alike, a given name starting with the one asked before others, the birth date asked before others; ties by
/// family name, given name and patient id, so the same search lists the same patients in the same order.
/// </summary>
public static class PatientSearchRanking
{
    public static IReadOnlyList<IdentityCandidate> Rank(PatientSearchQuery query, IEnumerable<IdentityCandidate> hits)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(hits);
        var family = NameNormalizer.Normalize(query.FamilyName);
        var given = NameNormalizer.Normalize(query.GivenName);
        return
        [
            .. hits
                .Select(h => (Hit: h, Family: NameNormalizer.Normalize(h.Demographics.FamilyName)))
                .Select(h => new Ranked(h.Hit, Score(h.Hit, h.Family, family, given, query.BirthDate), h.Family ?? "",
                    NameNormalizer.Normalize(h.Hit.Demographics.FirstGivenName) ?? ""))
                .GroupBy(r => r.Hit.PatientId, StringComparer.Ordinal)
                .Select(variants => variants.OrderByDescending(r => r.Score).ThenBy(r => r, Ties).First())
                .OrderByDescending(r => r.Score)
                .ThenBy(r => r, Ties)
                .Select(r => r.Hit),
        ];
    }

    /// <summary>One point per criterion met, weighted so that a better criterion outranks all lesser ones together.</summary>
    private static int Score(IdentityCandidate hit, string? hitFamily, string? family, string? given, DateOnly? birthDate)
    {
        var demographics = hit.Demographics;
        var score = family is not null && hitFamily == family ? 4 : 0;
        if (given is not null && demographics.GivenNames.Any(g => NameNormalizer.Normalize(g)?.StartsWith(given, StringComparison.Ordinal) == true))
        {
            score += 2;
        }

        return birthDate is { } date && demographics.BirthDate == date ? score + 1 : score;
    }

    private static readonly Comparer<Ranked> Ties = Comparer<Ranked>.Create((a, b) =>
    {
        var byFamily = string.CompareOrdinal(a.Family, b.Family);
        var byGiven = byFamily != 0 ? byFamily : string.CompareOrdinal(a.Given, b.Given);
        return byGiven != 0 ? byGiven : string.CompareOrdinal(a.Hit.PatientId, b.Hit.PatientId);
    });

    private sealed record Ranked(IdentityCandidate Hit, int Score, string Family, string Given);
}
