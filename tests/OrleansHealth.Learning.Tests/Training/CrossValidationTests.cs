using OrleansHealth.Learning.Data;
using OrleansHealth.Learning.Training;

namespace OrleansHealth.Learning.Tests.Training;

/// <summary>When <see cref="CrossValidation"/> refuses to run (the folds themselves are not trained here).</summary>
public sealed class CrossValidationTests
{
    private static FeatureMatrix Rows(int positives, int negatives)
    {
        var rows = positives + negatives;
        return new FeatureMatrix(
            ["x"],
            [.. Enumerable.Range(0, rows).Select(r => (float)r)],
            [.. Enumerable.Repeat(true, positives), .. Enumerable.Repeat(false, negatives)],
            [.. Enumerable.Range(0, rows).Select(r => $"ps-{r}")]);
    }

    [Fact]
    public void Problem_NoFolds_IsNull() => Assert.Null(CrossValidation.Problem(new TrainingRequest(), Rows(1, 1)));

    [Fact]
    public void Problem_EnoughOfEachClass_IsNull() => Assert.Null(CrossValidation.Problem(new TrainingRequest(Folds: 5), Rows(5, 40)));

    [Fact]
    public void Problem_FewerOfAClassThanFolds_NamesTheSmallerClass() =>
        Assert.Equal(
            "folds: 5 folds need at least 5 patients of each outcome class; the smaller class has 4.",
            CrossValidation.Problem(new TrainingRequest(Folds: 5), Rows(40, 4)));

    [Fact]
    public void Problem_MoreRowsThanCrossValidationIsFor_SaysTheHoldoutIsEnough() =>
        Assert.Equal(
            "folds: cross-validation is for small data (up to 20000 training rows); these 20001 rows get a stable estimate from the held-out split alone.",
            CrossValidation.Problem(new TrainingRequest(Folds: 3), Rows(10_000, 10_001)));

    [Fact]
    public void Run_RequestWithoutFolds_Throws() =>
        Assert.Throws<ArgumentException>(() => CrossValidation.Run(Rows(10, 10), new TrainingRequest()));
}
