namespace OrleansHealth.Learning.Features;

/// <summary>
/// What the model predicts. A <see cref="OutcomeKind.Condition"/> outcome needs the model's index
/// date: patients with data before it and without the condition by then form the cohort, and the label
/// is whether the condition starts in the window after it. A <see cref="OutcomeKind.Label"/> outcome
/// reads a labelled observation (for a tabular source, a column with <see cref="Source"/>); the label
/// is true when the value is one of <see cref="PositiveValues"/> (default <c>1</c>, <c>true</c>, <c>yes</c>).
/// </summary>
[GenerateSerializer, Immutable, Alias("oh.learning.OutcomeSpec")]
public sealed record OutcomeSpec(
    [property: Id(0)] OutcomeKind Kind,
    [property: Id(1)] string Code,
    [property: Id(2)] string? System = null,
    [property: Id(3)] bool Prefix = false,
    [property: Id(4)] int? WindowDays = null,
    [property: Id(5)] string? Source = null,
    [property: Id(6)] IReadOnlyList<string>? PositiveValues = null);
