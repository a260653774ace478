using OrleansHealth.Learning.Forests;

namespace OrleansHealth.Learning.Tests.Forests;

public class ForestOptionsTests
{
    [Fact]
    public void DefaultsAreValid() => Assert.Empty(new ForestOptions().Validate());

    [Fact]
    public void EveryBoundIsReportedInWords()
    {
        var problems = new ForestOptions(Trees: 0, Leaves: 1, MinExamplesPerLeaf: 0, FeatureFraction: 0, BaggingFraction: 1.5, MaxBins: 2000).Validate();
        Assert.Equal(6, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("Trees must be between 1 and 10000", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("BaggingFraction", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(10_000, 100_000, 1, 1.0, 1.0, 1024)]
    [InlineData(1, 2, 1, 0.01, 0.01, 2)]
    public void TheEdgesAreAllowed(int trees, int leaves, int minLeaf, double features, double bagging, int bins) =>
        Assert.Empty(new ForestOptions(trees, leaves, minLeaf, features, bagging, bins).Validate());

    [Fact]
    public void NaNFractionsAreRefused() =>
        Assert.Equal(2, new ForestOptions(FeatureFraction: double.NaN, BaggingFraction: double.NaN).Validate().Count);
}
