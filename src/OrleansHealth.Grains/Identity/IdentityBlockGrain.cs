using OrleansHealth.Clinical.Identity.Scoring;
using OrleansHealth.Identity;

namespace OrleansHealth.Grains.Identity;

public sealed class IdentityBlockGrain(
    [PersistentState("identityblock", GrainStores.Main)] IPersistentState<IdentityBlockState> state) : Grain, IIdentityBlockGrain
{
    /// <summary>Variants kept per patient: enough for a maiden and a married name or an old and a new address.</summary>
    private const int MaxVariantsPerPatient = 4;

    public Task<IReadOnlyList<IdentityCandidate>> GetCandidatesAsync() =>
        Task.FromResult<IReadOnlyList<IdentityCandidate>>(state.State.Members);

    public async Task AddAsync(IdentityCandidate candidate)
    {
        if (Join(candidate))
        {
            await state.WriteStateAsync();
        }
    }

    public async Task<string> AdmitAsync(IdentityCandidate candidate)
    {
        // Calls to one grain run one at a time, so two requests creating the same new person in this
        // block are serialised here and the second one finds the first.
        var best = IdentityMatching.Best(IdentityMatching.Profile(candidate.Demographics), state.State.Members);
        if (best is { Decision: MatchDecision.Match } match && match.Candidate.PatientId != candidate.PatientId)
        {
            return match.Candidate.PatientId;
        }

        await AddAsync(candidate);
        return candidate.PatientId;
    }

    private bool Join(IdentityCandidate candidate)
    {
        var members = state.State.Members;
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
