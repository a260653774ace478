namespace OrleansHealth.Ingestion;

/// <summary>
/// The answer to an ingest request. Every record is counted exactly once: accepted (changed a
/// profile), duplicate (already applied), rejected (quarantined, listed in <see cref="Errors"/>), or
/// skipped (a resource type profiles do not hold). <see cref="Patients"/> is the number of distinct
/// patients the request touched.
/// </summary>
public sealed record IngestReport(
    string RequestId,
    int Accepted,
    int Duplicates,
    int Rejected,
    int Skipped,
    int Patients,
    IReadOnlyList<IngestError> Errors,
    int ErrorsNotListed);
