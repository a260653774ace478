namespace OrleansHealth.Learning.Evaluation;

/// <summary>
/// The four counts behind every threshold-dependent figure of an <see cref="EvaluationReport"/>. They are
/// shipped alongside the derived rates so a reader can recompute any rate (or one the report does not
/// carry) instead of trusting a ratio whose denominator is hidden, e.g. a specificity of 1 over 3 negatives.
/// </summary>
[GenerateSerializer, Immutable, Alias("oh.learning.ConfusionMatrix")]
public sealed record ConfusionMatrix(
    [property: Id(0)] int TruePositives,
    [property: Id(1)] int FalsePositives,
    [property: Id(2)] int TrueNegatives,
    [property: Id(3)] int FalseNegatives);
