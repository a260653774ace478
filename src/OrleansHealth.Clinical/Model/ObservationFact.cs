namespace OrleansHealth.Clinical.Model;

/// <summary>
/// One measured or coded observation. A FHIR Observation with components (blood pressure 85354-9)
/// becomes one fact per component, with record ids <c>Observation/id#code</c>. After unit
/// normalisation <see cref="Value"/> and <see cref="Unit"/> are in the code's canonical unit and the
/// source's own figures are kept in <see cref="OriginalValue"/> and <see cref="OriginalUnit"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("oh.ObservationFact")]
public sealed record ObservationFact(
    [property: Id(0)] string RecordId,
    [property: Id(1)] ClinicalCode Code,
    [property: Id(2)] double? Value,
    [property: Id(3)] string? Unit,
    [property: Id(4)] ClinicalCode? ValueCode,
    [property: Id(5)] string? ValueText,
    [property: Id(6)] DateTimeOffset? EffectiveAt,
    [property: Id(7)] double? OriginalValue = null,
    [property: Id(8)] string? OriginalUnit = null) : IClinicalFact;
