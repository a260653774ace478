using OrleansHealth.Clinical.Profiles;
using OrleansHealth.Learning.Scoring;

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

    /// <summary>
    /// The risk from the model's active version with its explanation; cached until the profile changes
    /// or another version becomes active. Null when the model has no active version or this patient no profile.
    /// </summary>
    Task<Prediction?> GetPredictionAsync(string model);

    /// <summary>The model's candidate treatments ranked for this patient; null as for <see cref="GetPredictionAsync"/>.</summary>
    Task<TreatmentRanking?> GetTreatmentsAsync(string model);
}
