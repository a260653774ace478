using OrleansHealth.Clinical.Identity.Scoring;
using OrleansHealth.Identity;

namespace OrleansHealth.Grains.Identity;

/// <summary>
/// Holds its partition's blocks in memory and writes the changed ones to the <see cref="IIdentityBlockStore"/>
/// before answering. Not reentrant: calls run one at a time, so two requests admitting the same new
/// person are serialised here and the second one finds the first.
/// </summary>
public sealed class IdentityBlockPartitionGrain(IIdentityBlockStore store) : Grain, IIdentityBlockPartitionGrain
{
    /// <summary>Variants kept per patient and block: enough for a maiden and a married name or an old and a new address.</summary>
    private const int MaxVariantsPerPatient = 4;

    private readonly Dictionary<string, List<IdentityCandidate>> blocks = new(StringComparer.Ordinal);

    private int Partition => (int)this.GetPrimaryKeyLong();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var (key, members) in await store.LoadAsync(Partition, cancellationToken))
        {
            blocks[key] = [.. members];
        }
    }

    public Task<IReadOnlyDictionary<string, IReadOnlyList<IdentityCandidate>>> GetCandidatesAsync(IReadOnlyList<string> blockKeys)
    {
        var result = new Dictionary<string, IReadOnlyList<IdentityCandidate>>(StringComparer.Ordinal);
        foreach (var key in blockKeys)
        {
            result[key] = blocks.TryGetValue(key, out var members) ? [.. members] : [];
        }

        return Task.FromResult<IReadOnlyDictionary<string, IReadOnlyList<IdentityCandidate>>>(result);
    }

    public Task AddAsync(IReadOnlyList<BlockEntry> entries)
    {
        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (Join(entry))
            {
                changed.Add(entry.BlockKey);
            }
        }

        return SaveAsync(changed);
    }

    public async Task<IReadOnlyList<string>> AdmitAsync(IReadOnlyList<BlockEntry> entries)
    {
        var holders = new List<string>(entries.Count);
        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var candidate = entry.Candidate;
            var members = blocks.TryGetValue(entry.BlockKey, out var list) ? list : [];
            var best = IdentityMatching.Best(IdentityMatching.Profile(candidate.Demographics), members);
            if (best is { Decision: MatchDecision.Match } match && match.Candidate.PatientId != candidate.PatientId)
            {
                holders.Add(match.Candidate.PatientId);
                continue;
            }

            if (Join(entry))
            {
                changed.Add(entry.BlockKey);
            }

            holders.Add(candidate.PatientId);
        }

        await SaveAsync(changed);
        return holders;
    }

    private async Task SaveAsync(HashSet<string> changed)
    {
        if (changed.Count == 0)
        {
            return;
        }

        try
        {
            await store.SaveAsync(Partition, changed.ToDictionary(k => k, k => (IReadOnlyList<IdentityCandidate>)[.. blocks[k]], StringComparer.Ordinal));
        }
        catch
        {
            // Memory now holds members the store lacks; start over from the store on the next call.
            DeactivateOnIdle();
            throw;
        }
    }

    private bool Join(BlockEntry entry)
    {
        if (!blocks.TryGetValue(entry.BlockKey, out var members))
        {
            blocks[entry.BlockKey] = members = [];
        }

        var candidate = entry.Candidate;
        var variants = members.Where(m => m.PatientId == candidate.PatientId).ToList();
        if (variants.Any(v => SameDemographics(v, candidate)))
        {
            return false;
        }

        if (variants.Count >= MaxVariantsPerPatient)
        {
            members.Remove(variants[0]);
        }

        members.Add(candidate);
        return true;
    }

    private static bool SameDemographics(IdentityCandidate a, IdentityCandidate b)
    {
        var x = a.Demographics;
        var y = b.Demographics;
        return x.FamilyName == y.FamilyName && x.GivenNames.SequenceEqual(y.GivenNames) && x.BirthDate == y.BirthDate
            && x.Sex == y.Sex && x.PostalCode == y.PostalCode && x.Phone == y.Phone && x.AddressLine == y.AddressLine
            && x.Identifiers.SequenceEqual(y.Identifiers);
    }
}
