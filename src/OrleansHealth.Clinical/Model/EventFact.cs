namespace OrleansHealth.Clinical.Model;

/// <summary>
/// A condition, medication, encounter, allergy, immunization or procedure: a code with a start and
/// an optional end (onset/abatement, authored/ended, period). <see cref="Status"/> is the source's
/// status text (active, resolved, completed, stopped, …).
/// </summary>
[GenerateSerializer, Immutable, Alias("oh.EventFact")]
public sealed record EventFact(
    [property: Id(0)] string RecordId,
    [property: Id(1)] EventKind Kind,
    [property: Id(2)] ClinicalCode Code,
    [property: Id(3)] DateTimeOffset? StartAt,
    [property: Id(4)] DateTimeOffset? EndAt,
    [property: Id(5)] string? Status) : IClinicalFact;
