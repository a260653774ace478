using OrleansHealth.Learning.Forests.Histogram;

namespace OrleansHealth.Learning.Tests.Forests.Histogram;

public class TreeRandomTests
{
    [Fact]
    public void AStreamDependsOnlyOnSeedAndTree()
    {
        var a = new TreeRandom(5, 3);
        var b = new TreeRandom(5, 3);
        var otherTree = new TreeRandom(5, 4);
        var otherSeed = new TreeRandom(6, 3);

        var first = Enumerable.Range(0, 8).Select(_ => a.NextUInt64()).ToArray();

        Assert.Equal(first, Enumerable.Range(0, 8).Select(_ => b.NextUInt64()));
        Assert.NotEqual(first, Enumerable.Range(0, 8).Select(_ => otherTree.NextUInt64()));
        Assert.NotEqual(first, Enumerable.Range(0, 8).Select(_ => otherSeed.NextUInt64()));
    }

    [Fact]
    public void BoundedDrawsAreInRangeAndRoughlyUniform()
    {
        var random = new TreeRandom(1, 0);
        var counts = new int[7];
        for (var i = 0; i < 70_000; i++)
        {
            counts[random.Next(7)]++;
        }

        Assert.All(counts, c => Assert.InRange(c, 9_500, 10_500));
        Assert.Equal(0, random.Next(1));
    }
}
