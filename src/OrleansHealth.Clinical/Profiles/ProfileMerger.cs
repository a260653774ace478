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
        var accepted = 0;
        var duplicates = 0;

        foreach (var patient in batch.Patients)
        {
            if (IsDuplicate(profile, batch.SourceId, patient))
            {
                duplicates++;
                continue;
            }

            var source = new Provenance(batch.SourceId, patient.RecordId, patient.AssertedAt ?? batch.ReceivedAt, batch.TrustRank);
            MergeDemographics(profile, patient.Demographics, source);
            accepted++;
        }

        foreach (var observation in batch.Observations)
        {
            if (Record(profile, batch, observation, profile.Observations, out var dup))
            {
                accepted++;
            }

            duplicates += dup ? 1 : 0;
        }

        foreach (var clinicalEvent in batch.Events)
        {
            if (Record(profile, batch, clinicalEvent, profile.Events, out var dup))
            {
                accepted++;
            }

            duplicates += dup ? 1 : 0;
        }

        foreach (var localId in batch.LocalIds)
        {
            if (profile.SourceLinks.Add($"{batch.SourceId}|{localId}") && accepted == 0)
            {
                // A new link alone (a record routed here by identity) is still a change to persist.
                profile.Version++;
            }
        }

        if (accepted > 0)
        {
            profile.Version++;
        }

        return new ApplyOutcome(accepted, duplicates);
    }

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

    private static bool Record<TFact>(PatientProfile profile, PatientBatch batch, TFact fact,
        Dictionary<string, ProvenancedFact<TFact>> into, out bool duplicate) where TFact : IClinicalFact
    {
        duplicate = IsDuplicate(profile, batch.SourceId, fact);
        if (duplicate)
        {
            return false;
        }

        into[PatientProfile.Key(batch.SourceId, fact.RecordId)] =
            new ProvenancedFact<TFact>(fact, new Provenance(batch.SourceId, fact.RecordId, batch.ReceivedAt, batch.TrustRank));
        return true;
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
