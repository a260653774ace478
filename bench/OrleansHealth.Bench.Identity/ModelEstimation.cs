using OrleansHealth.Clinical.Identity.Comparison;
using OrleansHealth.Clinical.Identity.Keys;
using OrleansHealth.Clinical.Identity.Profiles;
using OrleansHealth.Clinical.Identity.Resolution;
using OrleansHealth.Clinical.Identity.Scoring;
using OrleansHealth.Synthetic.Sources;

namespace OrleansHealth.Bench.Identity;

/// <summary>
/// Fits the model to the population without looking at the truth: m and u by EM on the blocked
/// candidate pairs (the only pairs the index ever scores, so u conditional on sharing a block is
/// the u that matters), started from the shipped defaults.
/// </summary>
internal static class ModelEstimation
{
    private const int MaxBlockedPairs = 3_000_000;

    public static EmEstimate Estimate(IReadOnlyList<SourceDemographicRecord> sends, MasterPatientIndexOptions options)
    {
        var profiles = sends.Where(s => !s.IsResend)
            .Select(s => PersonProfile.From(s.Demographics, options.IdentifierSystems, options.Nicknames))
            .ToArray();

        return FellegiSunterEstimator.Estimate(BlockedPairs(profiles, options.KeyHasher), options.Model, startMatchShare: 0.1);
    }

    public static void Print(FellegiSunterModel model)
    {
        foreach (var field in model.Fields)
        {
            var levels = field.Levels.OrderBy(l => l.Key).Select(l => $"{l.Key} m={l.Value.M:G3} u={l.Value.U:G3} w={l.Value.Weight:F2}");
            Console.WriteLine($"  {field.Field}: {string.Join("; ", levels)}");
        }
    }

    private static List<ComparisonVector> BlockedPairs(PersonProfile[] profiles, KeyHasher hasher)
    {
        var blocks = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < profiles.Length; i++)
        {
            foreach (var key in BlockingKeys.For(profiles[i], hasher))
            {
                if (!blocks.TryGetValue(key, out var members))
                {
                    blocks[key] = members = [];
                }

                members.Add(i);
            }
        }

        var seen = new HashSet<long>();
        var vectors = new List<ComparisonVector>();
        foreach (var members in blocks.Values)
        {
            for (var x = 0; x < members.Count && vectors.Count < MaxBlockedPairs; x++)
            {
                for (var y = x + 1; y < members.Count; y++)
                {
                    if (seen.Add(((long)members[x] << 32) | (uint)members[y]))
                    {
                        vectors.Add(ProfileComparer.Compare(profiles[members[x]], profiles[members[y]]));
                    }
                }
            }
        }

        return vectors;
    }
}
