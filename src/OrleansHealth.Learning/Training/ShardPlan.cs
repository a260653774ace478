namespace OrleansHealth.Learning.Training;

/// <summary>How a version's trees are divided among its shards, and each shard's seed.</summary>
public static class ShardPlan
{
    /// <summary>Fewest training rows per shard; below it a shard's trees are little better than noise.</summary>
    public const int MinRowsPerShard = 20;

    /// <summary>Shard k gets ⌊trees/shards⌋ trees, the first <c>trees mod shards</c> shards one more.</summary>
    public static int TreesFor(int trees, int shards, int shard)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shards, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(shard);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(shard, shards);
        return (trees / shards) + (shard < trees % shards ? 1 : 0);
    }

    /// <summary>Distinct per shard and fixed by the version's seed, so a version can be reproduced.</summary>
    public static int SeedFor(int seed, int shard) => unchecked((seed * 7919) + shard);
}
