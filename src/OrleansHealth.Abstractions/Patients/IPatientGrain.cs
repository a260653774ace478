using OrleansHealth.Clinical.Profiles;

namespace OrleansHealth.Patients;

/// <summary>
/// One real patient, keyed by the enterprise patient id that identity resolution assigned. Holds the
/// unified profile built from every source's records about this person.
/// </summary>
public interface IPatientGrain : IGrainWithStringKey
{
    /// <summary>Merges a batch and persists it before returning: a returned outcome is durable.</summary>
    Task<ApplyOutcome> ApplyAsync(PatientBatch batch);

    /// <summary>The unified profile, or null when no record has reached this patient.</summary>
    Task<PatientProfile?> GetProfileAsync();
}
