using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Learning.Features;

/// <summary>One condition, medication, encounter or procedure on a de-identified timeline.</summary>
[GenerateSerializer, Immutable, Alias("oh.learning.TimelineEvent")]
public sealed record TimelineEvent(
    [property: Id(0)] EventKind Kind,
    [property: Id(1)] string Code,
    [property: Id(2)] DateOnly? Start);
