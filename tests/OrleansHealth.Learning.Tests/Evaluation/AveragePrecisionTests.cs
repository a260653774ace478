using OrleansHealth.Learning.Evaluation;

namespace OrleansHealth.Learning.Tests.Evaluation;

public sealed class AveragePrecisionTests
{
    [Fact]
    public void Four_by_four_example()
    {
        // Ranked: P P N N P P N N; precision at each positive 1, 1, 3/5, 4/6.
        double[] p = [0.9, 0.8, 0.7, 0.5, 0.4, 0.3, 0.2, 0.1];
        bool[] y = [true, true, false, false, true, true, false, false];

        Assert.Equal(49.0 / 60, AveragePrecision.Compute(p, y), 1e-15);
    }

    [Fact]
    public void Perfect_ranking_is_one()
    {
        Assert.Equal(1.0, AveragePrecision.Compute([0.1, 0.2, 0.8, 0.9], [false, false, true, true]));
    }

    [Fact]
    public void Tied_scores_form_one_step_whatever_their_order()
    {
        // One threshold: recall 1 at precision 1/4, however the tie is sorted.
        Assert.Equal(0.25, AveragePrecision.Compute([0.5, 0.5, 0.5, 0.5], [true, false, false, false]));
        Assert.Equal(0.25, AveragePrecision.Compute([0.5, 0.5, 0.5, 0.5], [false, false, false, true]));
    }

    [Fact]
    public void Ties_at_a_lower_threshold_are_not_interpolated()
    {
        // Thresholds 0.9 (1 TP, 0 FP) then 0.4 (2 TP, 2 FP): (1/2)·1 + (1/2)·(2/4).
        Assert.Equal(0.75, AveragePrecision.Compute([0.9, 0.4, 0.4, 0.4], [true, true, false, false]));
    }

    [Fact]
    public void Reversed_ranking_gets_the_base_rate()
    {
        Assert.Equal(0.5, AveragePrecision.Compute([0.1, 0.2], [true, false]));
    }

    [Fact]
    public void Only_positives_is_one()
    {
        Assert.Equal(1.0, AveragePrecision.Compute([0.1, 0.7], [true, true]));
    }

    [Fact]
    public void No_positives_is_an_argument_error()
    {
        Assert.Throws<ArgumentException>(() => AveragePrecision.Compute([0.1, 0.7], [false, false]));
    }

    [Fact]
    public void Bad_input_is_an_argument_error()
    {
        Assert.Throws<ArgumentException>(() => AveragePrecision.Compute([0.1], [true, false]));
        Assert.Throws<ArgumentException>(() => AveragePrecision.Compute([], []));
        Assert.Throws<ArgumentException>(() => AveragePrecision.Compute([double.NaN], [true]));
    }
}
