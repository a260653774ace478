namespace OrleansHealth.Learning.Evaluation;

/// <summary>
/// One of the ten equal-width bins of a reliability diagram: a clinician trusts a predicted risk only if,
/// among patients given about that risk, about that share had the outcome. A bin holds probabilities in
/// [<see cref="Lower"/>, <see cref="Upper"/>), except the last one, which also holds exactly 1.
/// An empty bin reports <see cref="Count"/> 0 and 0 for both means rather than NaN, because reports are
/// serialized to JSON, which has no NaN; <see cref="Count"/> is what tells an empty bin apart.
/// </summary>
[GenerateSerializer, Immutable, Alias("oh.learning.CalibrationBin")]
public sealed record CalibrationBin(
    [property: Id(0)] double Lower,
    [property: Id(1)] double Upper,
    [property: Id(2)] int Count,
    [property: Id(3)] double MeanPredicted,
    [property: Id(4)] double ObservedRate);
