using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Clinical.Profiles;

/// <summary>
/// Applies a <see cref="PatientBatch"/> to a <see cref="PatientProfile"/>: the merge rules of the
/// unified profile. A record already applied with the same content is a duplicate and changes
/// nothing; demographic conflicts go to the higher trust rank, then the more recent statement, and
/// the losing values stay as alternatives; identifiers accumulate.
/// </summary>
public static class ProfileMerger
{
    public static ApplyOutcome Apply(PatientProfile profile, PatientBatch batch)
    {
        var outcome = new ApplyOutcome();
        foreach (var patient in batch.Patients)
        {
            if (IsDuplicate(profile, batch.SourceId, patient))
            {
                outcome += Duplicate;
                continue;
            }

            var source = new Provenance(batch.SourceId, patient.RecordId, patient.AssertedAt ?? batch.ReceivedAt, batch.TrustRank);
            MergeDemographics(profile, patient.Demographics, source);
            outcome += Accepted;
        }

        foreach (var observation in batch.Observations)
        {
            outcome += Record(profile, batch, observation, profile.Observations);
        }

        foreach (var clinicalEvent in batch.Events)
        {
            outcome += Record(profile, batch, clinicalEvent, profile.Events);
        }

        // A new link alone (a record routed here by identity) is still a change to persist.
        var linked = false;
        foreach (var localId in batch.LocalIds)
        {
            linked |= profile.SourceLinks.Add($"{batch.SourceId}|{localId}");
        }

        if (outcome.Accepted > 0 || linked)
        {
            profile.Version++;
        }

        return outcome;
    }

    private static readonly ApplyOutcome Accepted = new(1, 0);
    private static readonly ApplyOutcome Duplicate = new(0, 1);

    private static bool IsDuplicate<TFact>(PatientProfile profile, string sourceId, TFact fact) where TFact : IClinicalFact
    {
        var key = PatientProfile.Key(sourceId, fact.RecordId);
        var fingerprint = FactFingerprint.Of(fact);
        if (profile.Applied.TryGetValue(key, out var seen) && seen == fingerprint)
        {
            return true;
        }

        profile.Applied[key] = fingerprint;
        return false;
    }

    private static ApplyOutcome Record<TFact>(PatientProfile profile, PatientBatch batch, TFact fact,
        Dictionary<string, ProvenancedFact<TFact>> into) where TFact : IClinicalFact
    {
        if (IsDuplicate(profile, batch.SourceId, fact))
        {
            return Duplicate;
        }

        into[PatientProfile.Key(batch.SourceId, fact.RecordId)] =
            new ProvenancedFact<TFact>(fact, new Provenance(batch.SourceId, fact.RecordId, batch.ReceivedAt, batch.TrustRank));
        return Accepted;
    }

    private static void MergeDemographics(PatientProfile profile, Demographics demographics, Provenance source)
    {
        foreach (var field in DemographicFields.All)
        {
            if (DemographicFields.Read(demographics, field) is not { } value)
            {
                continue;
            }

            var candidate = new FieldValue(value, source);
            if (profile.Demographics.TryGetValue(field, out var existing))
            {
                existing.Offer(candidate);
            }
            else
            {
                profile.Demographics[field] = new ProfileField { Current = candidate };
            }
        }

        foreach (var identifier in demographics.Identifiers)
        {
            profile.Identifiers.TryAdd(identifier.ToString(), new ProvenancedIdentifier(identifier, source));
        }
    }
}
