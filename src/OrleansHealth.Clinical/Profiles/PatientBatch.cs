using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Clinical.Profiles;

/// <summary>
/// Everything one ingest request says about one patient, from one source: what a patient grain
/// applies in one state write. <see cref="LocalIds"/> are the source's own ids for this patient.
/// </summary>
[GenerateSerializer, Immutable, Alias("oh.PatientBatch")]
public sealed record PatientBatch(
    [property: Id(0)] string SourceId,
    [property: Id(1)] int TrustRank,
    [property: Id(2)] DateTimeOffset ReceivedAt,
    [property: Id(3)] IReadOnlyList<string> LocalIds,
    [property: Id(4)] IReadOnlyList<PatientFact> Patients,
    [property: Id(5)] IReadOnlyList<ObservationFact> Observations,
    [property: Id(6)] IReadOnlyList<EventFact> Events)
{
    public int Count => Patients.Count + Observations.Count + Events.Count;
}
