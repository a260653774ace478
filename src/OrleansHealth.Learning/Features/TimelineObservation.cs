namespace OrleansHealth.Learning.Features;

/// <summary>One observation on a de-identified timeline: code as <c>system|code</c>, canonical value or coded/text value, date.</summary>
[GenerateSerializer, Immutable, Alias("oh.learning.TimelineObservation")]
public sealed record TimelineObservation(
    [property: Id(0)] string Code,
    [property: Id(1)] double? Value,
    [property: Id(2)] string? Text,
    [property: Id(3)] DateOnly? Date);
