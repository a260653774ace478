using OrleansHealth.Learning.Preprocessing;

namespace OrleansHealth.Learning.Tests.Preprocessing;

public sealed class ImputationPlanTests
{
    private const float NaN = float.NaN;

    private static readonly ImputationPlan Plan = new(["a", "b", "c", "d"], [1.5, 2, 3, 0], [0, 2]);

    [Fact]
    public void OutputNames_AreTheInputsThenOneMissingColumnPerIndicator()
    {
        Assert.Equal(["a", "b", "c", "d", "a (missing)", "c (missing)"], Plan.OutputNames);
        Assert.Equal(6, Plan.OutputWidth);
    }

    [Fact]
    public void Transform_FillsMediansAndSetsIndicators()
    {
        var output = new float[6];

        Plan.Transform([NaN, 5, 7, NaN], output);

        Assert.Equal([1.5f, 5, 7, 0, 1, 0], output);
    }

    [Fact]
    public void Transform_CompleteRow_IsCopiedWithZeroIndicators()
    {
        var output = new float[6];

        Plan.Transform([-1, 5, 7, 8], output);

        Assert.Equal([-1f, 5, 7, 8, 0, 0], output);
    }

    [Fact]
    public void Transform_Matrix_KeepsLabelsAndRowIdsAndNamesTheOutputs()
    {
        var m = Matrices.Of(["a", "b", "c", "d"], [NaN, 1, NaN, 4, 9, NaN, 3, NaN], [true, false]);

        var result = Plan.Transform(m);

        Assert.Equal(Plan.OutputNames, result.Names);
        Assert.Equal([1.5f, 1, 3, 4, 1, 1, 9, 2, 3, 0, 0, 0], result.Values);
        Assert.Equal(m.Labels, result.Labels);
        Assert.Equal(m.RowIds, result.RowIds);
    }

    [Fact]
    public void FittedPlan_FillsWhatItLearned()
    {
        var training = Matrices.Of(["a", "b"], [1, NaN, 3, 10, NaN, 20, 5, 30]);
        var plan = MedianImputer.Fit(training);

        var result = plan.Transform(training);

        Assert.Equal(["a", "b", "a (missing)", "b (missing)"], result.Names);
        Assert.Equal([1f, 20, 0, 1, 3, 10, 0, 0, 3, 20, 1, 0, 5, 30, 0, 0], result.Values);
    }

    [Fact]
    public void Transform_WrongInputWidth_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => Plan.Transform([1, 2, 3], new float[6]));

        Assert.Equal("expected 4 values, got 3 (Parameter 'input')", ex.Message);
    }

    [Fact]
    public void Transform_WrongOutputWidth_Throws()
    {
        Assert.Throws<ArgumentException>(() => Plan.Transform([1, 2, 3, 4], new float[4]));
    }

    [Fact]
    public void Transform_MatrixWithOtherColumns_Throws()
    {
        var m = Matrices.Of(["a", "b", "x", "d"], [1, 2, 3, 4]);

        var ex = Assert.Throws<ArgumentException>(() => Plan.Transform(m));

        Assert.Contains("'x'", ex.Message);
    }
}
