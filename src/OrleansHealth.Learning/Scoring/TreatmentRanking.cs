namespace OrleansHealth.Learning.Scoring;

/// <summary>A patient's candidate treatments, best first.</summary>
[GenerateSerializer, Immutable, Alias("oh.learning.TreatmentRanking")]
public sealed record TreatmentRanking(
    [property: Id(0)] string Model,
    [property: Id(1)] int Version,
    [property: Id(2)] IReadOnlyList<RankedTreatment> Treatments);
