namespace OrleansHealth.Learning.Evaluation;

/// <summary>
/// A point of a ROC (X = false-positive rate, Y = true-positive rate) or precision-recall
/// (X = recall, Y = precision) curve, with the threshold that produces it so a reader can pick an
/// operating point off the plot and use it (predicted positive when p &gt;= <see cref="Threshold"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("oh.learning.CurvePoint")]
public sealed record CurvePoint(
    [property: Id(0)] double X,
    [property: Id(1)] double Y,
    [property: Id(2)] double Threshold);
