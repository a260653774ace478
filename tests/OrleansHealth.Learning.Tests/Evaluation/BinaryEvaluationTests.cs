using System.Text.Json;
using OrleansHealth.Learning.Evaluation;

namespace OrleansHealth.Learning.Tests.Evaluation;

public sealed class BinaryEvaluationTests
{
    // At 0.5: 0.9 TP, 0.6 FP, 0.5 TP (p >= threshold), 0.4 FN, 0.2 TN, 0.1 TN.
    private static readonly double[] P = [0.9, 0.6, 0.5, 0.4, 0.2, 0.1];
    private static readonly bool[] Y = [true, false, true, true, false, false];

    [Fact]
    public void Confusion_counts_use_p_at_or_above_the_threshold()
    {
        var report = BinaryEvaluation.Evaluate(P, Y);

        Assert.Equal(new ConfusionMatrix(TruePositives: 2, FalsePositives: 1, TrueNegatives: 2, FalseNegatives: 1), report.Confusion);
        Assert.Equal(6, report.Count);
        Assert.Equal(3, report.Positives);
        Assert.Equal(0.5, report.Threshold);
    }

    [Fact]
    public void Threshold_figures_follow_the_counts()
    {
        var report = BinaryEvaluation.Evaluate(P, Y);

        Assert.Equal(4.0 / 6, report.Accuracy);
        Assert.Equal(2.0 / 3, report.Sensitivity);
        Assert.Equal(2.0 / 3, report.Specificity);
        Assert.Equal(2.0 / 3, report.Precision);
        Assert.Equal(2.0 / 3, report.F1);
    }

    [Fact]
    public void F1_is_the_harmonic_mean_of_precision_and_recall()
    {
        // At 0.3: TP 3, FP 1, TN 2, FN 0; precision 3/4, recall 1, F1 = 2·3 / (2·3 + 1 + 0).
        var report = BinaryEvaluation.Evaluate(P, Y, threshold: 0.3);

        Assert.Equal(new ConfusionMatrix(3, 1, 2, 0), report.Confusion);
        Assert.Equal(0.75, report.Precision);
        Assert.Equal(1.0, report.Sensitivity);
        Assert.Equal(6.0 / 7, report.F1);
    }

    [Fact]
    public void Brier_is_the_mean_squared_error()
    {
        // Errors 0.1, 0.6, 0.5, 0.6, 0.2, 0.1.
        var report = BinaryEvaluation.Evaluate(P, Y);

        Assert.Equal(1.03 / 6, report.Brier, 1e-15);
        Assert.Equal(0.0, BinaryEvaluation.Evaluate([1.0, 0.0], [true, false]).Brier);
        Assert.Equal(1.0, BinaryEvaluation.Evaluate([0.0, 1.0], [true, false]).Brier);
    }

    [Fact]
    public void Ranking_figures_agree_with_their_own_classes()
    {
        var report = BinaryEvaluation.Evaluate(P, Y);

        Assert.Equal(Auroc.Compute(P, Y), report.Auroc);
        Assert.Equal(Auroc.DeLongInterval(P, Y), (report.AurocLower, report.AurocUpper));
        Assert.Equal(AveragePrecision.Compute(P, Y), report.Auprc);
    }

    [Fact]
    public void Undefined_figures_are_zero_when_a_class_is_missing()
    {
        var report = BinaryEvaluation.Evaluate([0.2, 0.7], [false, false], threshold: 0.9);

        Assert.Equal(new ConfusionMatrix(0, 0, 2, 0), report.Confusion);
        Assert.Equal(0, report.Positives);
        Assert.Equal(1.0, report.Accuracy);
        Assert.Equal(0.0, report.Sensitivity);
        Assert.Equal(1.0, report.Specificity);
        Assert.Equal(0.0, report.Precision);
        Assert.Equal(0.0, report.F1);
        Assert.Equal(0.0, report.Auroc);
        Assert.Equal(0.0, report.AurocLower);
        Assert.Equal(0.0, report.AurocUpper);
        Assert.Equal(0.0, report.Auprc);
        Assert.Empty(report.Roc);
        Assert.Empty(report.PrecisionRecall);
        Assert.Equal(10, report.Calibration.Count);
    }

    [Fact]
    public void Specificity_is_zero_without_negatives()
    {
        var report = BinaryEvaluation.Evaluate([0.2, 0.7], [true, true]);

        Assert.Equal(0.0, report.Specificity);
        Assert.Equal(0.5, report.Sensitivity);
        Assert.Equal(0.0, report.Auroc);
    }

    [Fact]
    public void Reports_with_undefined_figures_still_serialize_to_json()
    {
        // System.Text.Json throws on NaN; a report must never contain one.
        var report = BinaryEvaluation.Evaluate([0.2, 0.7], [false, false], threshold: 0.9);

        var json = JsonSerializer.Serialize(report);

        Assert.Contains("\"Auroc\":0", json);
    }

    [Fact]
    public void Roc_and_precision_recall_curves_hold_every_threshold()
    {
        double[] p = [0.9, 0.8, 0.7, 0.5, 0.4, 0.3, 0.2, 0.1];
        bool[] y = [true, true, false, false, true, true, false, false];

        var report = BinaryEvaluation.Evaluate(p, y);

        CurvePoint[] roc =
        [
            new(0, 0, 1.9), new(0, 0.25, 0.9), new(0, 0.5, 0.8), new(0.25, 0.5, 0.7), new(0.5, 0.5, 0.5),
            new(0.5, 0.75, 0.4), new(0.5, 1, 0.3), new(0.75, 1, 0.2), new(1, 1, 0.1),
        ];
        Assert.Equal(roc, report.Roc);
        CurvePoint[] pr =
        [
            new(0.25, 1, 0.9), new(0.5, 1, 0.8), new(0.5, 2.0 / 3, 0.7), new(0.5, 0.5, 0.5),
            new(0.75, 0.6, 0.4), new(1, 4.0 / 6, 0.3), new(1, 4.0 / 7, 0.2), new(1, 0.5, 0.1),
        ];
        Assert.Equal(pr, report.PrecisionRecall);
    }

    [Fact]
    public void Long_curves_are_downsampled_but_keep_their_ends()
    {
        var p = Enumerable.Range(0, 1000).Select(i => i / 999.0).ToArray();
        var y = Enumerable.Range(0, 1000).Select(i => i % 3 != 0).ToArray();

        var report = BinaryEvaluation.Evaluate(p, y);

        Assert.Equal(101, report.Roc.Count);
        Assert.Equal((0.0, 0.0), (report.Roc[0].X, report.Roc[0].Y));
        Assert.Equal((1.0, 1.0), (report.Roc[^1].X, report.Roc[^1].Y));
        Assert.Equal(101, report.PrecisionRecall.Count);
        Assert.Equal(1.0, report.PrecisionRecall[^1].X);
        Assert.True(report.Roc.Zip(report.Roc.Skip(1)).All(pair => pair.First.X <= pair.Second.X && pair.First.Threshold > pair.Second.Threshold));
        Assert.True(report.PrecisionRecall.Zip(report.PrecisionRecall.Skip(1)).All(pair => pair.First.X <= pair.Second.X));
    }

    [Fact]
    public void Bad_input_is_an_argument_error()
    {
        Assert.Throws<ArgumentException>(() => BinaryEvaluation.Evaluate([0.1, 0.9], [true]));
        Assert.Throws<ArgumentException>(() => BinaryEvaluation.Evaluate([], []));
        Assert.Throws<ArgumentException>(() => BinaryEvaluation.Evaluate([0.1, 1.5], [true, false]));
        Assert.Throws<ArgumentException>(() => BinaryEvaluation.Evaluate([-0.1, 0.5], [true, false]));
        Assert.Throws<ArgumentException>(() => BinaryEvaluation.Evaluate([0.1, double.NaN], [true, false]));
        Assert.Throws<ArgumentException>(() => BinaryEvaluation.Evaluate([0.1, 0.9], [true, false], double.NaN));
    }
}
