using OrleansHealth.Learning.Evaluation;

namespace OrleansHealth.Learning.Tests.Evaluation;

/// <summary>
/// Pins our figures to the reference implementations on a realistic, tie-heavy input, so a "simplification"
/// of the tie handling or of the step-wise average precision shows up as a failure, not as drifting reports.
/// </summary>
public sealed class ScikitLearnCrossCheckTests
{
    private const double Tolerance = 1e-12;

    [Fact]
    public void Figures_match_scikit_learn()
    {
        var report = BinaryEvaluation.Evaluate(ScikitLearnCrossCheckData.Probabilities, ScikitLearnCrossCheckData.Labels);

        // Computed with scikit-learn 1.2.1: roc_auc_score, average_precision_score, brier_score_loss.
        Assert.Equal(200, report.Count);
        Assert.Equal(69, report.Positives);
        Assert.Equal(0.76983073348821762, report.Auroc, Tolerance);
        Assert.Equal(0.61174851290198273, report.Auprc, Tolerance);
        Assert.Equal(0.19740400000000002, report.Brier, Tolerance);
    }

    [Fact]
    public void DeLong_interval_matches_a_pairwise_reference()
    {
        var (lower, upper) = Auroc.DeLongInterval(ScikitLearnCrossCheckData.Probabilities, ScikitLearnCrossCheckData.Labels);

        // Computed with numpy 1.24 from DeLong's definition: the full 69 × 131 pairwise kernel
        // (1 if ordered right, 1/2 if tied), placements as its row and column means, variance
        // var(rows, ddof=1) / 69 + var(columns, ddof=1) / 131 = 0.0011784163948718733, ± 1.959963984540054 σ.
        Assert.Equal(0.70254895248822391, lower, Tolerance);
        Assert.Equal(0.83711251448821156, upper, Tolerance);
    }
}
