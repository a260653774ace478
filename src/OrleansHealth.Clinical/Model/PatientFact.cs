namespace OrleansHealth.Clinical.Model;

/// <summary>A Patient record: demographics as of <see cref="AssertedAt"/> (the record's own time, e.g. meta.lastUpdated).</summary>
[GenerateSerializer, Immutable, Alias("oh.PatientFact")]
public sealed record PatientFact(
    [property: Id(0)] string RecordId,
    [property: Id(1)] Demographics Demographics,
    [property: Id(2)] DateTimeOffset? AssertedAt) : IClinicalFact;
