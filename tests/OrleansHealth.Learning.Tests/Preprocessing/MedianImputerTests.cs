using OrleansHealth.Learning.Preprocessing;

namespace OrleansHealth.Learning.Tests.Preprocessing;

public sealed class MedianImputerTests
{
    private const float NaN = float.NaN;

    [Fact]
    public void Median_OddCount_IsTheMiddleValue()
    {
        var plan = MedianImputer.Fit(Matrices.Column([3, 1, 2]));

        Assert.Equal([2.0], plan.Medians);
    }

    [Fact]
    public void Median_EvenCountWithMissing_IsTheMeanOfTheTwoMiddlePresentValues()
    {
        var plan = MedianImputer.Fit(Matrices.Column([4, NaN, 1, 3, 2]));

        Assert.Equal([2.5], plan.Medians);
    }

    [Fact]
    public void Median_IsPerColumn()
    {
        var plan = MedianImputer.Fit(Matrices.Of(["a", "b"], [1, 10, 2, NaN, 9, 30]));

        Assert.Equal([2.0, 20.0], plan.Medians);
    }

    [Fact]
    public void AllMissingColumn_GetsMedianZeroAndNoIndicator()
    {
        var plan = MedianImputer.Fit(Matrices.Column([NaN, NaN, NaN]));

        Assert.Equal([0.0], plan.Medians);
        Assert.Empty(plan.IndicatorColumns);
    }

    [Fact]
    public void EmptyMatrix_GivesZeroMediansAndNoIndicators()
    {
        var plan = MedianImputer.Fit(Matrices.Of(["a", "b"], []));

        Assert.Equal([0.0, 0.0], plan.Medians);
        Assert.Empty(plan.IndicatorColumns);
    }

    [Theory]
    [InlineData(0.05, new[] { 0, 2 })]
    [InlineData(0.06, new[] { 2 })]
    [InlineData(0.2, new[] { 2 })]
    [InlineData(0.21, new int[0])]
    [InlineData(1.0, new int[0])]
    public void Indicators_OnlyForColumnsMissingAtLeastTheThresholdShareButNotAlways(double threshold, int[] expected)
    {
        // 20 rows: a misses 1 (5 %), b none, c 4 (20 %), d all.
        var a = Enumerable.Range(0, 20).Select(i => i == 0 ? NaN : i).ToArray();
        var b = Enumerable.Range(0, 20).Select(i => (float)i).ToArray();
        var c = Enumerable.Range(0, 20).Select(i => i % 5 == 0 ? NaN : i).ToArray();
        var d = Enumerable.Repeat(NaN, 20).ToArray();
        var m = Matrices.FromColumns(["a", "b", "c", "d"], new bool[20], a, b, c, d);

        var plan = MedianImputer.Fit(m, threshold);

        Assert.Equal(expected, plan.IndicatorColumns);
    }

    [Fact]
    public void DefaultThreshold_IsFivePercent()
    {
        var nineteenOfTwenty = Enumerable.Range(0, 20).Select(i => i == 0 ? NaN : 1f).ToArray();
        var oneOfTwentyOne = Enumerable.Range(0, 21).Select(i => i == 0 ? NaN : 1f).ToArray();

        Assert.Equal([0], MedianImputer.Fit(Matrices.Column(nineteenOfTwenty)).IndicatorColumns);
        Assert.Empty(MedianImputer.Fit(Matrices.Column(oneOfTwentyOne)).IndicatorColumns);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Threshold_OutsideZeroToOne_Throws(double threshold)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MedianImputer.Fit(Matrices.Column([1]), threshold));
    }

    [Fact]
    public void InputNames_AreTheMatrixColumns()
    {
        var plan = MedianImputer.Fit(Matrices.Of(["age", "crp"], [1, 2]));

        Assert.Equal(["age", "crp"], plan.InputNames);
    }
}
