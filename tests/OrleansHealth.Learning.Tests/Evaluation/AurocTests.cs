using OrleansHealth.Learning.Evaluation;

namespace OrleansHealth.Learning.Tests.Evaluation;

public sealed class AurocTests
{
    private const double Z95 = 1.959963984540054;

    [Fact]
    public void Perfect_separation_is_one_with_a_collapsed_interval()
    {
        double[] p = [0.1, 0.2, 0.8, 0.9];
        bool[] y = [false, false, true, true];

        Assert.Equal(1.0, Auroc.Compute(p, y));
        Assert.Equal((1.0, 1.0), Auroc.DeLongInterval(p, y));
    }

    [Fact]
    public void Reversed_ranking_is_zero()
    {
        Assert.Equal(0.0, Auroc.Compute([0.9, 0.8, 0.2, 0.1], [false, false, true, true]));
    }

    [Fact]
    public void All_tied_scores_are_one_half()
    {
        Assert.Equal(0.5, Auroc.Compute([0.3, 0.3, 0.3, 0.3, 0.3], [true, false, true, false, false]));
    }

    [Fact]
    public void A_tied_pair_counts_one_half()
    {
        // Pairs (positive, negative): (0.5, 0.5) = 1/2, (0.5, 0.2) = 1, (0.8, 0.5) = 1, (0.8, 0.2) = 1.
        Assert.Equal(3.5 / 4, Auroc.Compute([0.5, 0.5, 0.8, 0.2], [true, false, true, false]));
    }

    [Fact]
    public void Four_by_four_example_and_its_DeLong_interval()
    {
        // Positives 0.9, 0.8, 0.4, 0.3; negatives 0.7, 0.5, 0.2, 0.1: 12 of 16 pairs ordered right.
        // Positive placements 1, 1, 1/2, 1/2 and negative placements 1/2, 1/2, 1, 1 each have variance 1/12,
        // so DeLong's variance is 1/12/4 + 1/12/4 = 1/24.
        double[] p = [0.9, 0.8, 0.7, 0.5, 0.4, 0.3, 0.2, 0.1];
        bool[] y = [true, true, false, false, true, true, false, false];

        Assert.Equal(0.75, Auroc.Compute(p, y));
        var (lower, upper) = Auroc.DeLongInterval(p, y);
        Assert.Equal(0.75 - Z95 * Math.Sqrt(1.0 / 24), lower, 1e-15);
        Assert.Equal(1.0, upper); // 0.75 + 0.40 clamped
    }

    [Fact]
    public void Row_order_does_not_matter()
    {
        double[] p = [0.9, 0.8, 0.7, 0.5, 0.4, 0.3, 0.2, 0.1];
        bool[] y = [true, true, false, false, true, true, false, false];

        Assert.Equal(0.75, Auroc.Compute(p.Reverse().ToArray(), y.Reverse().ToArray()));
    }

    [Fact]
    public void Scores_need_not_be_probabilities()
    {
        Assert.Equal(1.0, Auroc.Compute([-3.0, 12.5], [false, true]));
    }

    [Fact]
    public void A_single_positive_has_the_uninformative_interval()
    {
        Assert.Equal((0.0, 1.0), Auroc.DeLongInterval([0.9, 0.2, 0.1], [true, false, false]));
    }

    [Fact]
    public void A_large_tied_input_is_one_half()
    {
        var n = 200_000;
        var p = Enumerable.Repeat(0.42, n).ToArray();
        var y = Enumerable.Range(0, n).Select(i => i % 3 == 0).ToArray();

        Assert.Equal(0.5, Auroc.Compute(p, y));
    }

    [Fact]
    public void A_missing_class_is_an_argument_error()
    {
        var e = Assert.Throws<ArgumentException>(() => Auroc.Compute([0.1, 0.9], [true, true]));
        Assert.Contains("both classes", e.Message);
        Assert.Throws<ArgumentException>(() => Auroc.DeLongInterval([0.1, 0.9], [false, false]));
    }

    [Fact]
    public void Bad_input_is_an_argument_error()
    {
        Assert.Throws<ArgumentException>(() => Auroc.Compute([0.1, 0.9], [true]));
        Assert.Throws<ArgumentException>(() => Auroc.Compute([], []));
        Assert.Throws<ArgumentException>(() => Auroc.Compute([0.1, double.NaN], [true, false]));
        Assert.Throws<ArgumentException>(() => Auroc.Compute([0.1, double.PositiveInfinity], [true, false]));
    }
}
