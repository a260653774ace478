using Microsoft.Extensions.DependencyInjection;
using OrleansHealth.Clinical.Identity.Identifiers;
using OrleansHealth.Clinical.Identity.Scoring;
using OrleansHealth.Clinical.Model;
using OrleansHealth.Grains.Ingestion;
using OrleansHealth.Identity;
using OrleansHealth.Patients;

namespace OrleansHealth.Grains.Identity;

/// <summary>
/// The master patient index spread over grains. Evidence in order: the record's existing link
/// (source + local id), then a shared identifier (same system and value), then Fellegi–Sunter
/// scoring against the members of the record's blocks. A score in the review band never merges:
/// the record gets its own patient and a review item. Every write is a first-claim-wins claim, so
/// retried and concurrent requests about one person converge on one patient.
/// </summary>
public sealed class GrainPatientResolver(IGrainFactory grains, [FromKeyedServices(HealthTime.Key)] TimeProvider time) : IPatientResolver
{
    public async Task<PatientResolution> ResolveAsync(string sourceId, string localId, PatientFact patient)
    {
        var demographics = patient.Demographics;
        var profile = IdentityMatching.Profile(demographics);
        var identifiers = Identifiers(demographics);
        var keys = IdentityMatching.BlockingKeysOf(profile);
        var link = grains.GetGrain<IIdentityClaimGrain>(IdentityKeys.Link(sourceId, localId));

        ReviewItem? review = null;
        var admittedTo = (string?)null;
        var patientId = await link.GetAsync() ?? await HolderOfAnyAsync(identifiers);
        if (patientId is null)
        {
            var candidates = await Task.WhenAll(keys.Select(k => grains.GetGrain<IIdentityBlockGrain>(k).GetCandidatesAsync()));
            var best = IdentityMatching.Best(profile, candidates.SelectMany(c => c));
            if (best is { Decision: MatchDecision.Match } match)
            {
                patientId = match.Candidate.PatientId;
            }
            else
            {
                var proposed = PatientIds.New();
                patientId = keys.Count == 0
                    ? proposed
                    : await grains.GetGrain<IIdentityBlockGrain>(admittedTo = keys[0]).AdmitAsync(new IdentityCandidate(proposed, demographics));
                if (best is { Decision: MatchDecision.Review } uncertain && patientId == proposed)
                {
                    review = new ReviewItem(sourceId, patient.RecordId, patientId, uncertain.Candidate.PatientId,
                        Math.Round(uncertain.Score.Total, 3), IdentityMatching.Explain(profile, uncertain.Candidate.Demographics), time.GetUtcNow());
                }
            }
        }

        patientId = await link.ClaimAsync(patientId);
        await RegisterAsync(patientId, demographics, identifiers, keys.Where(k => k != admittedTo));
        return new PatientResolution(patientId, review);
    }

    public Task<string?> FindAsync(string sourceId, SubjectRef subject)
    {
        if (subject.LocalId is { } localId)
        {
            return grains.GetGrain<IIdentityClaimGrain>(IdentityKeys.Link(sourceId, localId)).GetAsync();
        }

        return subject.Identifier is { } identifier && IdentifierValues.Normalize(identifier.System, identifier.Value) is { } value
            ? grains.GetGrain<IIdentityClaimGrain>(IdentityKeys.Identifier(identifier.System, value)).GetAsync()
            : Task.FromResult<string?>(null);
    }

    /// <summary>The record's identifiers in one spelling per system; placeholders (an SSN of zeros) are dropped.</summary>
    private static List<PatientIdentifier> Identifiers(Demographics demographics) =>
        [.. demographics.Identifiers
            .Select(i => IdentifierValues.Normalize(i.System, i.Value) is { } v ? new PatientIdentifier(i.System, v) : null)
            .OfType<PatientIdentifier>()
            .Distinct()];

    private async Task<string?> HolderOfAnyAsync(List<PatientIdentifier> identifiers)
    {
        foreach (var identifier in identifiers)
        {
            if (await grains.GetGrain<IIdentityClaimGrain>(IdentityKeys.Identifier(identifier.System, identifier.Value)).GetAsync() is { } holder)
            {
                return holder;
            }
        }

        return null;
    }

    private Task RegisterAsync(string patientId, Demographics demographics, List<PatientIdentifier> identifiers, IEnumerable<string> keys)
    {
        var candidate = new IdentityCandidate(patientId, demographics);
        return Task.WhenAll(
            identifiers.Select(i => grains.GetGrain<IIdentityClaimGrain>(IdentityKeys.Identifier(i.System, i.Value)).ClaimAsync(patientId))
                .Concat(keys.Select(k => grains.GetGrain<IIdentityBlockGrain>(k).AddAsync(candidate))));
    }
}
