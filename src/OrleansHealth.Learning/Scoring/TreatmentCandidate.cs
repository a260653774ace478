namespace OrleansHealth.Learning.Scoring;

/// <summary>
/// One assignment to compare in <see cref="TreatmentScenarios"/>: a name and the model-input columns it
/// sets, e.g. ("statin", [(12, 1f)]). The same overrides, passed to <see cref="SupportRange.Fit"/>, pick
/// the training rows that received this assignment.
/// </summary>
/// <param name="Name">Shown with the result.</param>
/// <param name="Overrides">Column index (into the model-input row) and the value to put there; each column at most once, no NaN.
/// Empty means "the row as it is".</param>
[GenerateSerializer, Immutable, Alias("oh.learning.TreatmentCandidate")]
public sealed record TreatmentCandidate(
    [property: Id(0)] string Name,
    [property: Id(1)] IReadOnlyList<(int Column, float Value)> Overrides);
