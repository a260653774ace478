namespace OrleansHealth.Learning.Evaluation;

/// <summary>
/// The held-out performance of one model version, as produced by <see cref="BinaryEvaluation.Evaluate"/>.
/// It is what a model version is judged and compared by, so it carries the uncertainty of the headline
/// figure (<see cref="AurocLower"/>..<see cref="AurocUpper"/>, a 95 % DeLong interval) and the raw
/// <see cref="Confusion"/> counts, not only point estimates.
/// </summary>
/// <remarks>
/// Reports are serialized to JSON, which cannot hold NaN or infinity, so every figure that is undefined on
/// the given data is reported as 0: sensitivity without positives, specificity without negatives,
/// precision without positive predictions, F1 when there are no true positives. When only one class is
/// present, the ranking figures (<see cref="Auroc"/>, its interval and <see cref="Auprc"/>) are 0 and
/// <see cref="Roc"/> and <see cref="PrecisionRecall"/> are empty; callers are expected to prevent that case,
/// and <see cref="Positives"/> against <see cref="Count"/> shows when it happened.
/// Records with lists compare by reference for those lists; compare reports field by field.
/// </remarks>
/// <param name="Count">Rows evaluated.</param>
/// <param name="Positives">Rows whose label is true.</param>
/// <param name="Threshold">Probability at or above which a row was predicted positive.</param>
/// <param name="Auroc">Area under the ROC curve; tied scores count one half.</param>
/// <param name="AurocLower">Lower end of the 95 % DeLong interval of <see cref="Auroc"/>, clamped to [0, 1].</param>
/// <param name="AurocUpper">Upper end of the 95 % DeLong interval of <see cref="Auroc"/>, clamped to [0, 1].</param>
/// <param name="Auprc">Average precision, step-wise as scikit-learn's <c>average_precision_score</c>.</param>
/// <param name="Accuracy">Share of rows classified correctly at <see cref="Threshold"/>.</param>
/// <param name="Sensitivity">Recall: share of positives predicted positive.</param>
/// <param name="Specificity">Share of negatives predicted negative.</param>
/// <param name="Precision">Share of positive predictions that are positive.</param>
/// <param name="F1">Harmonic mean of precision and sensitivity.</param>
/// <param name="Brier">Mean squared difference between probability and outcome; lower is better.</param>
/// <param name="Confusion">Counts at <see cref="Threshold"/>.</param>
/// <param name="Calibration">Ten equal-width bins over [0, 1].</param>
/// <param name="Roc">(false-positive rate, true-positive rate) from (0, 0) to (1, 1), at most 101 points.</param>
/// <param name="PrecisionRecall">(recall, precision) by increasing recall, at most 101 points.</param>
[GenerateSerializer, Immutable, Alias("oh.learning.EvaluationReport")]
public sealed record EvaluationReport(
    [property: Id(0)] int Count,
    [property: Id(1)] int Positives,
    [property: Id(2)] double Threshold,
    [property: Id(3)] double Auroc,
    [property: Id(4)] double AurocLower,
    [property: Id(5)] double AurocUpper,
    [property: Id(6)] double Auprc,
    [property: Id(7)] double Accuracy,
    [property: Id(8)] double Sensitivity,
    [property: Id(9)] double Specificity,
    [property: Id(10)] double Precision,
    [property: Id(11)] double F1,
    [property: Id(12)] double Brier,
    [property: Id(13)] ConfusionMatrix Confusion,
    [property: Id(14)] IReadOnlyList<CalibrationBin> Calibration,
    [property: Id(15)] IReadOnlyList<CurvePoint> Roc,
    [property: Id(16)] IReadOnlyList<CurvePoint> PrecisionRecall);
