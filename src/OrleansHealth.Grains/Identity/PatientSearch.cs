using Microsoft.Extensions.DependencyInjection;
using OrleansHealth.Clinical.Identity.Keys;
using OrleansHealth.Identity;

namespace OrleansHealth.Grains.Identity;

/// <summary>
/// Finds patients by name through the blocks identity resolution keeps, so a search needs no index of its own:
/// it reads the family-name-and-birth-year blocks (<see cref="BlockingKeys.ForFamilyName"/>) of the year asked,
/// or of every year since <see cref="PatientSearchQuery.EarliestBirthYear"/>, one call per block partition, all at
/// once. A name spelt differently but with the same Soundex is found too; a patient no source gave a birth date
/// for joined no such block and is not found by name.
/// </summary>
public sealed class PatientSearch(IGrainFactory grains, [FromKeyedServices(HealthTime.Key)] TimeProvider time)
{
    /// <summary>The most patients one search returns; a longer list is a sign to narrow the search, not to page.</summary>
    public const int MaxResults = 50;

    /// <summary>
    /// The best-ranked patients of <paramref name="query"/> among those <paramref name="visible"/> allows (applied before
    /// the limit, so that a restricted caller neither loses its patients to others' nor learns how many others match).
    /// </summary>
    public async Task<PatientSearchMatches> FindAsync(PatientSearchQuery query, Func<string, bool> visible, int limit = MaxResults)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(visible);
        var years = query.BirthYear is { } year
            ? [year]
            : Enumerable.Range(PatientSearchQuery.EarliestBirthYear, time.GetUtcNow().Year - PatientSearchQuery.EarliestBirthYear + 1);
        var reads = BlockingKeys.ForFamilyName(query.FamilyName, years, IdentityMatching.Options.KeyHasher)
            .GroupBy(IdentityBlocks.PartitionOf)
            .Select(partition => grains.GetGrain<IIdentityBlockPartitionGrain>(partition.Key).GetCandidatesAsync([.. partition]));
        var found = await Task.WhenAll(reads);

        var ranked = PatientSearchRanking.Rank(query, found.SelectMany(f => f.Values).SelectMany(c => c).Where(c => visible(c.PatientId)));
        return new PatientSearchMatches([.. ranked.Take(limit)], ranked.Count > limit);
    }
}
