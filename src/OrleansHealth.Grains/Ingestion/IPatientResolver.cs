using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Grains.Ingestion;

/// <summary>Identity resolution as the ingest pipeline needs it (the master patient index over grains).</summary>
public interface IPatientResolver
{
    /// <summary>The enterprise patient for a Patient record; creates one when no existing patient matches.</summary>
    Task<PatientResolution> ResolveAsync(string sourceId, string localId, PatientFact patient);

    /// <summary>The enterprise patient a non-Patient record's subject refers to, or null when none is known.</summary>
    Task<string?> FindAsync(string sourceId, SubjectRef subject);
}
