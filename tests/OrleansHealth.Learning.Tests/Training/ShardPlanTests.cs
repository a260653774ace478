using OrleansHealth.Learning.Training;

namespace OrleansHealth.Learning.Tests.Training;

public sealed class ShardPlanTests
{
    [Theory]
    [InlineData(100, 1)]
    [InlineData(100, 2)]
    [InlineData(100, 3)]
    [InlineData(101, 4)]
    [InlineData(7, 7)]
    [InlineData(64, 64)]
    [InlineData(1000, 64)]
    [InlineData(10_000, 63)]
    public void TreesFor_AllShards_SumToTheTotalAndDifferByAtMostOne(int trees, int shards)
    {
        var perShard = Enumerable.Range(0, shards).Select(k => ShardPlan.TreesFor(trees, shards, k)).ToArray();

        Assert.Equal(trees, perShard.Sum());
        Assert.InRange(perShard.Max() - perShard.Min(), 0, 1);
        Assert.All(perShard, t => Assert.True(t >= 1));
    }

    [Fact]
    public void TreesFor_Remainder_GoesToTheFirstShards() =>
        Assert.Equal([26, 25, 25, 25], Enumerable.Range(0, 4).Select(k => ShardPlan.TreesFor(101, 4, k)));

    [Fact]
    public void TreesFor_InvalidShards_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ShardPlan.TreesFor(100, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ShardPlan.TreesFor(100, 2, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ShardPlan.TreesFor(100, 2, 2));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(42)]
    [InlineData(-7)]
    [InlineData(int.MaxValue)]
    public void SeedFor_EachShard_GetsADistinctReproducibleSeed(int seed)
    {
        var seeds = Enumerable.Range(0, 64).Select(k => ShardPlan.SeedFor(seed, k)).ToArray();

        Assert.Equal(64, seeds.Distinct().Count());
        Assert.Equal(seeds, Enumerable.Range(0, 64).Select(k => ShardPlan.SeedFor(seed, k)));
    }

    [Fact]
    public void SeedFor_DifferentVersionSeeds_GiveDifferentShardSeeds() =>
        Assert.NotEqual(ShardPlan.SeedFor(1, 0), ShardPlan.SeedFor(2, 0));
}
