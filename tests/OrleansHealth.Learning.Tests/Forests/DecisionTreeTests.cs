using OrleansHealth.Learning.Forests;

namespace OrleansHealth.Learning.Tests.Forests;

public class DecisionTreeTests
{
    /// <summary>
    /// x0 &lt;= 0.5 ? (x1 &lt;= 0 ? leaf0 : leaf1) : leaf2, with leaf probabilities 0.1, 0.6, 0.9.
    /// </summary>
    private static DecisionTree Small() => new(
        splitFeature: [0, 1],
        threshold: [0.5f, 0f],
        left: [1, ~0],
        right: [~2, ~1],
        leafProbability: [0.1, 0.6, 0.9],
        splitGain: [3.0, 1.0]);

    [Theory]
    [InlineData(0.2f, -1f, 0)]
    [InlineData(0.2f, 0f, 0)] // equal to the threshold goes left
    [InlineData(0.2f, 0.1f, 1)]
    [InlineData(0.5f, 5f, 1)]
    [InlineData(0.6f, -1f, 2)]
    public void LeafIndexFollowsLessOrEqualToTheLeft(float x0, float x1, int leaf)
    {
        var tree = Small();
        Assert.Equal(leaf, tree.LeafIndex([x0, x1]));
        Assert.Equal(tree.LeafProbability[leaf], tree.Probability([x0, x1]));
    }

    [Fact]
    public void NaNGoesRight()
    {
        Assert.Equal(2, Small().LeafIndex([float.NaN, 0f]));
        Assert.Equal(1, Small().LeafIndex([0f, float.NaN]));
    }

    [Fact]
    public void ASingleLeafTreeAnswersItsLeafForEveryRow()
    {
        var tree = new DecisionTree([], [], [], [], [0.25]);
        Assert.Equal(0, tree.LeafIndex([]));
        Assert.Equal(0.25, tree.Probability([1f, 2f, 3f]));
        Assert.Equal(-1, tree.MaxSplitFeature);
    }

    public static TheoryData<string, int[], int[], int, string> Malformed => new()
    {
        { "child out of range", [1, ~0], [~2, 7], 3, "points to node 7" },
        { "leaf out of range", [1, ~0], [~5, ~1], 3, "points to leaf 5" },
        { "leaf twice", [1, ~0], [~0, ~1], 3, "Leaf 0 is reached twice" },
        { "cycle through root", [1, ~0], [~2, 0], 3, "Node 0 is reached twice" },
        { "too few leaves", [1, ~0], [~1, ~2], 2, "has 3 leaves, not 2" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void MalformedStructureIsRefused(string because, int[] left, int[] right, int leaves, string message)
    {
        var ex = Assert.Throws<ArgumentException>(
            () => new DecisionTree([0, 1], [0.5f, 0f], left, right, [.. Enumerable.Repeat(0.5, leaves)]));
        Assert.True(ex.Message.Contains(message, StringComparison.Ordinal), $"{because}: {ex.Message}");
    }

    [Fact]
    public void AnUnreachableCycleIsRefused()
    {
        // Node 1 and 2 point at each other; every index is in range and each node has one parent.
        var ex = Assert.Throws<ArgumentException>(
            () => new DecisionTree([0, 0, 0], [0f, 0f, 0f], [~0, 2, 1], [~1, ~2, ~3], [0.5, 0.5, 0.5, 0.5]));
        Assert.Contains("reachable", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void LeafProbabilitiesMustBeProbabilities(double p) =>
        Assert.Throws<ArgumentException>(() => new DecisionTree([0], [0f], [~0], [~1], [0.5, p]));

    [Fact]
    public void NegativeFeaturesNaNThresholdsAndBadGainsAreRefused()
    {
        Assert.Throws<ArgumentException>(() => new DecisionTree([-1], [0f], [~0], [~1], [0.5, 0.5]));
        Assert.Throws<ArgumentException>(() => new DecisionTree([0], [float.NaN], [~0], [~1], [0.5, 0.5]));
        Assert.Throws<ArgumentException>(() => new DecisionTree([0], [0f], [~0], [~1], [0.5, 0.5], [-1.0]));
        Assert.Throws<ArgumentException>(() => new DecisionTree([0], [0f], [~0], [~1], [0.5, 0.5], [1.0, 2.0]));
    }

    [Fact]
    public void AWellFormedTreeRevalidates() => Small().ThrowIfInvalid();
}
