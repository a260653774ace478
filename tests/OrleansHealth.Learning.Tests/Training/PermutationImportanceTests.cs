using OrleansHealth.Learning.Data;
using OrleansHealth.Learning.Training;

namespace OrleansHealth.Learning.Tests.Training;

public sealed class PermutationImportanceTests
{
    /// <summary>20 held-out rows: "decisive" orders the classes perfectly, "ignored" varies, "constant" does not.</summary>
    private static FeatureMatrix Holdout()
    {
        const int rows = 20;
        var values = new float[rows * 3];
        for (var r = 0; r < rows; r++)
        {
            values[(r * 3) + 0] = r;
            values[(r * 3) + 1] = (r * 7) % 13;
            values[(r * 3) + 2] = 1;
        }

        return new FeatureMatrix(
            ["decisive", "ignored", "constant"],
            values,
            [.. Enumerable.Range(0, rows).Select(r => r >= 10)],
            [.. Enumerable.Range(0, rows).Select(r => $"ps-{r}")]);
    }

    private static double Predict(float[] row) => row[0] / 20.0;

    [Fact]
    public void Compute_FeatureThePredictorIgnores_HasImportanceExactlyZero()
    {
        var importance = PermutationImportance.Compute(Holdout(), Predict, seed: 1);

        Assert.Equal(3, importance.Length);
        Assert.Equal(0.0, importance[1]);
        Assert.Equal(0.0, importance[2]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    public void Compute_DecisiveFeature_HasPositiveImportance(int seed)
    {
        var importance = PermutationImportance.Compute(Holdout(), Predict, seed);

        Assert.True(importance[0] > 0, $"importance {importance[0]}");
        Assert.InRange(importance[0], 0, 1);
    }

    [Fact]
    public void Compute_SameSeed_GivesTheSameImportance() =>
        Assert.Equal(PermutationImportance.Compute(Holdout(), Predict, 5), PermutationImportance.Compute(Holdout(), Predict, 5));

    [Fact]
    public void Compute_DoesNotChangeTheHoldout()
    {
        var holdout = Holdout();
        var before = holdout.Values.ToArray();

        PermutationImportance.Compute(holdout, Predict, 3);

        Assert.Equal(before, holdout.Values);
    }

    [Fact]
    public void Compute_PredictorUsingTwoFeatures_GivesBothImportance()
    {
        var importance = PermutationImportance.Compute(Holdout(), row => row[0] + (row[1] / 100.0), seed: 11);

        Assert.True(importance[0] > 0);
        Assert.Equal(0.0, importance[2]);
    }
}
