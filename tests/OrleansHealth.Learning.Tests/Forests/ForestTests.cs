using OrleansHealth.Learning.Forests;

namespace OrleansHealth.Learning.Tests.Forests;

public class ForestTests
{
    /// <summary>A stump on <paramref name="feature"/> at 0: left leaf <paramref name="low"/>, right leaf <paramref name="high"/>.</summary>
    private static DecisionTree Stump(int feature, double low, double high, double gain = 1.0) =>
        new([feature], [0f], [~0], [~1], [low, high], [gain]);

    [Fact]
    public void ProbabilityIsTheMeanOfTreeProbabilitiesNotAHardVote()
    {
        var forest = new Forest([Stump(0, 0.1, 0.6), Stump(1, 0.2, 0.7), Stump(0, 0.3, 0.8)], width: 2);
        float[] row = [1f, -1f]; // right, left, right: 0.6, 0.2, 0.8
        Assert.Equal((0.6 + 0.2 + 0.8) / 3, forest.Probability(row), 12);
        Assert.Equal(new VoteSum(0.6 + 0.2 + 0.8, 3), forest.Votes(row));
        Assert.Equal([0.6, 0.2, 0.8], forest.TreeProbabilities(row));
    }

    [Fact]
    public void MergedProbabilityIsTheTreeCountWeightedMeanAndVotesAdd()
    {
        var a = new Forest([Stump(0, 0.1, 0.9)], width: 2);
        var b = new Forest([Stump(1, 0.2, 0.4), Stump(1, 0.3, 0.5), Stump(0, 0.0, 1.0)], width: 2);
        var merged = Forest.Merge([a, b]);
        Assert.Equal(4, merged.Trees.Length);
        var random = new Random(3);
        for (var i = 0; i < 50; i++)
        {
            float[] row = [(float)(random.NextDouble() - 0.5), (float)(random.NextDouble() - 0.5)];
            var weighted = ((1 * a.Probability(row)) + (3 * b.Probability(row))) / 4;
            Assert.Equal(weighted, merged.Probability(row), 12);
            var added = a.Votes(row).Add(b.Votes(row));
            Assert.Equal(merged.Votes(row).Trees, added.Trees);
            Assert.Equal(merged.Votes(row).Sum, added.Sum, 12);
            Assert.Equal(merged.Probability(row), (a.Votes(row) + b.Votes(row)).Probability, 12);
        }
    }

    [Fact]
    public void MergeRefusesDifferentWidthsAndNothing()
    {
        var ex = Assert.Throws<ArgumentException>(() => Forest.Merge([new Forest([Stump(0, 0, 1)], 2), new Forest([Stump(0, 0, 1)], 3)]));
        Assert.Contains("2 and 3 features", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Forest.Merge([]));
    }

    [Fact]
    public void TheForestChecksWidthAgainstTreesAndRows()
    {
        Assert.Throws<ArgumentException>(() => new Forest([Stump(2, 0, 1)], width: 2));
        Assert.Throws<ArgumentException>(() => new Forest([], width: 2));
        var forest = new Forest([Stump(1, 0, 1)], width: 2);
        Assert.Throws<ArgumentException>(() => forest.Probability([1f]));
        Assert.Throws<ArgumentException>(() => forest.TreeProbabilities([1f, 2f, 3f]));
    }

    [Fact]
    public void NoVotesHaveNoProbability()
    {
        Assert.Throws<InvalidOperationException>(() => VoteSum.Zero.Probability);
        Assert.Equal(new VoteSum(0.5, 1), VoteSum.Zero.Add(new VoteSum(0.5, 1)));
    }

    [Fact]
    public void GainImportanceSharesTotalGainPerFeature()
    {
        var forest = new Forest([Stump(0, 0, 1, gain: 3), Stump(2, 0, 1, gain: 1), new DecisionTree([], [], [], [], [0.5], [])], width: 3);
        var importance = forest.GainImportance();
        Assert.NotNull(importance);
        Assert.Equal([0.75, 0.0, 0.25], importance);
        var withoutGains = new Forest([new DecisionTree([0], [0f], [~0], [~1], [0, 1])], width: 1);
        Assert.Null(withoutGains.GainImportance());
    }
}
