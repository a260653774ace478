using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Grains.Ingestion;

/// <summary>Identity resolution as the ingest pipeline needs it: a chunk at a time, so the master patient index is asked in batches.</summary>
public interface IPatientResolver
{
    /// <summary>
    /// The enterprise patient of each Patient record, in the order given; creates patients when no
    /// existing one matches. Of several records with one local id, the first decides and the rest follow.
    /// </summary>
    Task<IReadOnlyList<PatientResolution>> ResolveAsync(string sourceId, IReadOnlyList<PatientToResolve> records);

    /// <summary>The enterprise patient each subject refers to, or null where none is known.</summary>
    Task<IReadOnlyList<string?>> FindAsync(string sourceId, IReadOnlyList<SubjectRef> subjects);
}

/// <summary>A Patient record with the source's own id for the person.</summary>
public sealed record PatientToResolve(string LocalId, PatientFact Patient);
