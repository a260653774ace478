namespace OrleansHealth.Identity;

/// <summary>
/// A record whose match score fell between the two thresholds: it was given a patient of its own,
/// and a person should decide whether it is <see cref="CandidatePatientId"/>. The breakdown says
/// which fields agreed, so the reviewer sees why.
/// </summary>
[GenerateSerializer, Immutable, Alias("oh.ReviewItem")]
public sealed record ReviewItem(
    [property: Id(0)] string SourceId,
    [property: Id(1)] string RecordId,
    [property: Id(2)] string PatientId,
    [property: Id(3)] string CandidatePatientId,
    [property: Id(4)] double Score,
    [property: Id(5)] IReadOnlyDictionary<string, double> FieldWeights,
    [property: Id(6)] DateTimeOffset CreatedAt);
