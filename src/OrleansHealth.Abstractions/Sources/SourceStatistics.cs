namespace OrleansHealth.Sources;

/// <summary>A source's counters and data-quality figures at one moment, and its counters per minute (<see cref="History"/>, oldest first).</summary>
[GenerateSerializer, Immutable, Alias("oh.SourceStatistics")]
public sealed record SourceStatistics(
    [property: Id(0)] long Received,
    [property: Id(1)] long Accepted,
    [property: Id(2)] long Duplicates,
    [property: Id(3)] long Rejected,
    [property: Id(4)] long Skipped,
    [property: Id(5)] long PatientsTouched,
    [property: Id(6)] DateTimeOffset? LastSeen,
    [property: Id(7)] IReadOnlyDictionary<string, double> Completeness,
    [property: Id(8)] IReadOnlyDictionary<string, long> FailuresByRule,
    [property: Id(9)] double DuplicateRate,
    [property: Id(10)] double QualityScore,
    [property: Id(11)] IReadOnlyList<OrleansHealth.Clinical.Quality.IntakeBucket>? History = null);
