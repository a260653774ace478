namespace OrleansHealth.Learning.Evaluation;

/// <summary>
/// Turns held-out predictions into the <see cref="EvaluationReport"/> a model version is judged by. All
/// figures come from one pass over the same rows, so the threshold figures, ranking figures, calibration
/// and curves in a report can never describe different data.
/// </summary>
public static class BinaryEvaluation
{
    /// <summary>
    /// Evaluates <paramref name="probabilities"/> against <paramref name="labels"/>, predicting positive when
    /// p &gt;= <paramref name="threshold"/>. Throws <see cref="ArgumentException"/> when the lengths differ,
    /// the input is empty, a probability is NaN or outside [0, 1], or the threshold is not finite: a
    /// report over bad input would look as trustworthy as a real one. Undefined figures are reported as 0
    /// (see <see cref="EvaluationReport"/>), including the ranking figures when a class is absent.
    /// </summary>
    public static EvaluationReport Evaluate(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels, double threshold = 0.5)
    {
        ScoreInput.Check(probabilities, labels, probabilities: true, nameof(probabilities));
        if (!double.IsFinite(threshold))
        {
            throw new ArgumentException($"The threshold must be a finite number, not {threshold}.", nameof(threshold));
        }

        var confusion = Confuse(probabilities, labels, threshold);
        int tp = confusion.TruePositives, fp = confusion.FalsePositives, tn = confusion.TrueNegatives, fn = confusion.FalseNegatives;
        var count = probabilities.Count;
        var positives = tp + fn;

        var brier = 0.0;
        for (var i = 0; i < count; i++)
        {
            var error = probabilities[i] - (labels[i] ? 1.0 : 0.0);
            brier += error * error;
        }

        double auroc = 0.0, lower = 0.0, upper = 0.0, auprc = 0.0;
        IReadOnlyList<CurvePoint> roc = [], precisionRecall = [];
        if (positives > 0 && positives < count)
        {
            (auroc, lower, upper) = Auroc.ComputeWithInterval(probabilities, labels);
            var sweep = ThresholdSweep.Build(probabilities, labels);
            auprc = AveragePrecision.FromSweep(sweep);
            roc = Curves.Roc(sweep);
            precisionRecall = Curves.PrecisionRecall(sweep);
        }

        return new EvaluationReport(
            Count: count,
            Positives: positives,
            Threshold: threshold,
            Auroc: auroc,
            AurocLower: lower,
            AurocUpper: upper,
            Auprc: auprc,
            Accuracy: (double)(tp + tn) / count,
            Sensitivity: Ratio(tp, tp + fn),
            Specificity: Ratio(tn, tn + fp),
            Precision: Ratio(tp, tp + fp),
            F1: Ratio(2 * tp, 2 * tp + fp + fn),
            Brier: brier / count,
            Confusion: confusion,
            Calibration: Calibration.Bins(probabilities, labels),
            Roc: roc,
            PrecisionRecall: precisionRecall);
    }

    private static ConfusionMatrix Confuse(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels, double threshold)
    {
        int tp = 0, fp = 0, tn = 0, fn = 0;
        for (var i = 0; i < probabilities.Count; i++)
        {
            var predicted = probabilities[i] >= threshold;
            if (predicted && labels[i])
            {
                tp++;
            }
            else if (predicted)
            {
                fp++;
            }
            else if (labels[i])
            {
                fn++;
            }
            else
            {
                tn++;
            }
        }

        return new ConfusionMatrix(tp, fp, tn, fn);
    }

    /// <summary>0 for 0/0, the report-wide convention for an undefined rate (JSON has no NaN).</summary>
    private static double Ratio(int numerator, int denominator) =>
        denominator == 0 ? 0.0 : (double)numerator / denominator;
}
