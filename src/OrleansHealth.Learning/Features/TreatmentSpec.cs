namespace OrleansHealth.Learning.Features;

/// <summary>
/// The treatment variable of a model and its candidates, so a patient's options can be ranked by the
/// predicted outcome under each. The treatment features are ordinary features of the model (for
/// example presence of metformin); a candidate sets them. With <see cref="OutcomeIsHarmful"/> (the
/// default: the outcome is an onset, an event) a good outcome is its absence.
/// </summary>
[GenerateSerializer, Immutable, Alias("oh.learning.TreatmentSpec")]
public sealed record TreatmentSpec(
    [property: Id(0)] IReadOnlyList<TreatmentOption> Candidates,
    [property: Id(1)] bool OutcomeIsHarmful = true);
