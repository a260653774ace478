using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Learning.Privacy;

/// <summary>
/// One patient of a model's cohort as a de-identified export shows it: the pseudonym, Safe Harbor
/// demographics and the model's feature values and outcome (<see cref="DatasetExtractor"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("oh.learning.DeidentifiedRow")]
public sealed record DeidentifiedRow(
    [property: Id(0)] string Pseudonym,
    [property: Id(1)] AdministrativeSex Sex,
    [property: Id(2)] string? Age,
    [property: Id(3)] int? BirthYear,
    [property: Id(4)] string? Zip3,
    [property: Id(5)] int? ReferenceYear,
    [property: Id(6)] float[] Features,
    [property: Id(7)] bool Outcome,
    [property: Id(8)] string? Holdout);
