namespace OrleansHealth.Learning.Features;

/// <summary>
/// One feature of a model, as data. <see cref="System"/> defaults by kind (LOINC for observations,
/// SNOMED CT for conditions and procedures, RxNorm for medications, the source's tabular system for
/// columns) and accepts the short names <c>loinc</c>, <c>snomed</c>, <c>rxnorm</c>.
/// </summary>
/// <param name="Name">The name reports, explanations and rows use; unique within a model.</param>
/// <param name="Prefix">Match every code that starts with <see cref="Code"/> (e.g. an ICD-10 chapter).</param>
/// <param name="WindowDays">Only facts dated in the last so many days before the reference date count; null: all history.</param>
/// <param name="Source">For <see cref="FeatureKind.Column"/>: the tabular source id.</param>
/// <param name="MissingValues">Values that mean "not measured" in this feed (Pima's zeros), read as missing.</param>
/// <param name="EqualsValue">For a coded or text value: the feature is 1 when the value equals this, else 0.</param>
[GenerateSerializer, Immutable, Alias("oh.learning.FeatureSpec")]
public sealed record FeatureSpec(
    [property: Id(0)] string Name,
    [property: Id(1)] FeatureKind Kind,
    [property: Id(2)] string? Code = null,
    [property: Id(3)] string? System = null,
    [property: Id(4)] bool Prefix = false,
    [property: Id(5)] Aggregate Aggregate = Aggregate.Latest,
    [property: Id(6)] int? WindowDays = null,
    [property: Id(7)] string? Source = null,
    [property: Id(8)] IReadOnlyList<double>? MissingValues = null,
    [property: Id(9)] string? EqualsValue = null);
