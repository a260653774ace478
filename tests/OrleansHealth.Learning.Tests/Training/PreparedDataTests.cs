using OrleansHealth.Learning.Data;
using OrleansHealth.Learning.Training;

namespace OrleansHealth.Learning.Tests.Training;

public sealed class PreparedDataTests
{
    private const float NaN = float.NaN;

    /// <summary>Eight rows: "x" separates the classes; "y" is weakly informative and missing in row 0 (median of the rest: 10).</summary>
    private static FeatureMatrix Training() => new(
        ["x", "y"],
        [1, NaN, 2, 10, 3, 20, 4, 10, 5, 20, 6, 10, 7, 20, 8, 10],
        [false, false, false, false, true, true, true, true],
        [.. Enumerable.Range(0, 8).Select(r => $"ps-{r}")]);

    private static double Mean(FeatureMatrix m, int c) => Enumerable.Range(0, m.Rows).Average(r => (double)m[r, c]);

    private static double PopulationSd(FeatureMatrix m, int c)
    {
        var mean = Mean(m, c);
        return Math.Sqrt(Enumerable.Range(0, m.Rows).Average(r => Math.Pow(m[r, c] - mean, 2)));
    }

    [Fact]
    public void Fit_AllFeatures_ImputesAndAddsMissingIndicatorsKeepingLabelsAndIds()
    {
        var training = Training();

        var prepared = PreparedData.Fit(training, topK: null);

        Assert.Equal(2, prepared.Ranking.Count);
        Assert.Equal([0, 1], prepared.Plan.SelectedColumns);
        Assert.Equal(["x", "y", "y (missing)"], prepared.ForestInput.Names);
        Assert.Equal(["x", "y", "y (missing)"], prepared.BaselineInput.Names);
        Assert.Equal(8, prepared.ForestInput.Rows);
        Assert.Equal([1f, 10f, 1f], prepared.ForestInput.Row(0).ToArray());
        Assert.Equal([2f, 10f, 0f], prepared.ForestInput.Row(1).ToArray());
        Assert.Equal([3f, 20f, 0f], prepared.ForestInput.Row(2).ToArray());
        Assert.DoesNotContain(prepared.ForestInput.Values, float.IsNaN);
        Assert.Equal(training.Labels, prepared.ForestInput.Labels);
        Assert.Equal(training.RowIds, prepared.BaselineInput.RowIds);
        Assert.Equal(training.Labels, prepared.BaselineInput.Labels);
    }

    [Fact]
    public void Fit_BaselineInput_IsStandardisedToMeanZeroAndUnitPopulationSd()
    {
        var prepared = PreparedData.Fit(Training(), topK: null);

        for (var c = 0; c < prepared.BaselineInput.Columns; c++)
        {
            Assert.Equal(0, Mean(prepared.BaselineInput, c), 5);
            Assert.Equal(1, PopulationSd(prepared.BaselineInput, c), 5);
        }

        // x: mean 4.5, population sd √5.25.
        Assert.Equal((1 - 4.5) / Math.Sqrt(5.25), prepared.BaselineInput[0, 0], 5);
        Assert.Equal((8 - 4.5) / Math.Sqrt(5.25), prepared.BaselineInput[7, 0], 5);
    }

    [Fact]
    public void Fit_TopK_KeepsTheBestRankedFeatureOnly()
    {
        var prepared = PreparedData.Fit(Training(), topK: 1);

        Assert.Equal(0, prepared.Ranking[0].Column);
        Assert.Equal([0], prepared.Plan.SelectedColumns);
        Assert.Equal(["x"], prepared.ForestInput.Names);
        Assert.Equal([1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f], prepared.ForestInput.Values);
        Assert.Equal(1, prepared.BaselineInput.Columns);
    }

    [Fact]
    public void Transform_HeldOutRows_UsesTheTrainingMediansAndScales()
    {
        var plan = PreparedData.Fit(Training(), topK: null).Plan;
        var holdout = new FeatureMatrix(["x", "y"], [9, NaN, 0, 20], [true, false], ["ps-h1", "ps-h2"]);

        var forest = PreparedData.Transform(plan, holdout, standardise: false);
        var baseline = PreparedData.Transform(plan, holdout, standardise: true);

        Assert.Equal(["x", "y", "y (missing)"], forest.Names);
        Assert.Equal([9f, 10f, 1f, 0f, 20f, 0f], forest.Values);
        Assert.Equal(["ps-h1", "ps-h2"], forest.RowIds);
        Assert.Equal([true, false], baseline.Labels);
        Assert.Equal(2, baseline.Rows);
        Assert.Equal(3, baseline.Columns);
        Assert.Equal((9 - 4.5) / Math.Sqrt(5.25), baseline[0, 0], 5);
    }

    [Fact]
    public void Transform_NoRows_IsEmptyWithTheOutputColumns()
    {
        var plan = PreparedData.Fit(Training(), topK: null).Plan;

        var m = PreparedData.Transform(plan, new FeatureMatrix(["x", "y"], [], [], []), standardise: true);

        Assert.Equal(0, m.Rows);
        Assert.Equal(plan.OutputWidth, m.Columns);
    }

    [Fact]
    public void Transform_RawRowOfTheWrongWidth_Throws()
    {
        var plan = PreparedData.Fit(Training(), topK: null).Plan;

        Assert.Throws<ArgumentException>(() => PreparedData.Transform(plan, new FeatureMatrix(["x"], [1], [true], ["ps-h"]), standardise: false));
    }
}
