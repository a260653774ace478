using OrleansHealth.Learning.Preprocessing;

namespace OrleansHealth.Learning.Tests.Preprocessing;

public sealed class FeatureSelectionTests
{
    private static readonly FeatureScore[] Ranking =
    [
        new(3, "d", 0.9, 1),
        new(1, "b", 0.5, 2),
        new(0, "a", 0.2, 3),
        new(2, "c", 0.0, 4),
    ];

    [Fact]
    public void TopK_ReturnsTheBestColumnsInAscendingColumnOrder()
    {
        Assert.Equal([1, 3], FeatureSelection.TopK(Ranking, 2));
        Assert.Equal([3], FeatureSelection.TopK(Ranking, 1));
        Assert.Equal([0, 1, 3], FeatureSelection.TopK(Ranking, 3));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(4)]
    [InlineData(100)]
    public void TopK_NullOrAtLeastTheCount_ReturnsAllColumns(int? k)
    {
        Assert.Equal([0, 1, 2, 3], FeatureSelection.TopK(Ranking, k));
    }

    [Fact]
    public void TopK_FollowsRanksEvenWhenTheListIsUnordered()
    {
        FeatureScore[] shuffled = [Ranking[2], Ranking[0], Ranking[3], Ranking[1]];

        Assert.Equal([1, 3], FeatureSelection.TopK(shuffled, 2));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void TopK_BelowOne_Throws(int k)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FeatureSelection.TopK(Ranking, k));
    }

    [Fact]
    public void TopK_OfAComputedRanking_KeepsTheInformativeColumns()
    {
        bool[] labels = [.. Enumerable.Range(0, 20).Select(i => i >= 10)];
        float[] noise = [.. Enumerable.Range(0, 20).Select(i => (float)(i % 2))];
        float[] signal = [.. labels.Select(l => l ? 1f : 0f)];
        var m = Matrices.FromColumns(["n0", "s1", "n2", "s3"], labels, noise, signal, noise, signal);

        Assert.Equal([1, 3], FeatureSelection.TopK(MutualInformation.Rank(m), 2));
    }
}
