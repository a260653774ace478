namespace OrleansHealth.Clinical.Quality;

/// <summary>
/// What one chunk of an ingest request did, sent to the source's grain once per chunk (never per
/// record). Field keys are "kind.field" (for example <c>patient.birthDate</c>); kind totals are keyed by kind.
/// </summary>
[GenerateSerializer, Immutable, Alias("oh.IngestTally")]
public sealed record IngestTally(
    [property: Id(0)] int Received,
    [property: Id(1)] int Accepted,
    [property: Id(2)] int Duplicates,
    [property: Id(3)] int Rejected,
    [property: Id(4)] int Skipped,
    [property: Id(5)] IReadOnlyDictionary<string, int> FailuresByRule,
    [property: Id(6)] IReadOnlyDictionary<string, int> KindTotals,
    [property: Id(7)] IReadOnlyDictionary<string, int> FieldsPresent,
    [property: Id(8)] IReadOnlyList<string> PatientIds,
    [property: Id(9)] DateTimeOffset At);
