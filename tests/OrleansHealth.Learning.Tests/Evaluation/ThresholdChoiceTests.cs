using OrleansHealth.Learning.Evaluation;

namespace OrleansHealth.Learning.Tests.Evaluation;

public sealed class ThresholdChoiceTests
{
    [Fact]
    public void Perfect_separation_picks_the_lowest_positive_score()
    {
        Assert.Equal(0.8, ThresholdChoice.MaximiseYouden([0.1, 0.2, 0.8, 0.9], [false, false, true, true]));
    }

    [Fact]
    public void A_tie_in_J_goes_to_the_higher_threshold()
    {
        // J is 1/2 at both 0.8 (TPR 1/2, FPR 0) and 0.3 (TPR 1, FPR 1/2); 0.8 flags fewer patients.
        double[] p = [0.9, 0.8, 0.7, 0.5, 0.4, 0.3, 0.2, 0.1];
        bool[] y = [true, true, false, false, true, true, false, false];

        Assert.Equal(0.8, ThresholdChoice.MaximiseYouden(p, y));
    }

    [Fact]
    public void Tied_scores_are_one_candidate()
    {
        // J is 1/2 at 0.9, 1 − 2/3 at 0.5 (all three tied rows turn positive together) and 0 at 0.1.
        // Taking the tied positive alone would invent a J of 1 at 0.5 that no threshold achieves.
        Assert.Equal(0.9, ThresholdChoice.MaximiseYouden([0.5, 0.9, 0.5, 0.5, 0.1], [true, true, false, false, false]));
    }

    [Fact]
    public void Reversed_scores_fall_back_to_flagging_everyone()
    {
        Assert.Equal(0.1, ThresholdChoice.MaximiseYouden([0.9, 0.8, 0.2, 0.1], [false, false, true, true]));
    }

    [Fact]
    public void The_chosen_threshold_reproduces_its_counts_in_a_report()
    {
        double[] p = [0.1, 0.2, 0.8, 0.9];
        bool[] y = [false, false, true, true];

        var report = BinaryEvaluation.Evaluate(p, y, ThresholdChoice.MaximiseYouden(p, y));

        Assert.Equal(1.0, report.Sensitivity + report.Specificity - 1);
    }

    [Fact]
    public void Bad_input_is_an_argument_error()
    {
        Assert.Throws<ArgumentException>(() => ThresholdChoice.MaximiseYouden([0.1, 0.9], [true, true]));
        Assert.Throws<ArgumentException>(() => ThresholdChoice.MaximiseYouden([0.1], [true, false]));
        Assert.Throws<ArgumentException>(() => ThresholdChoice.MaximiseYouden([], []));
    }
}
