namespace OrleansHealth.Grains.Learning;

/// <summary>
/// Places shard k of a version on the k-th living silo (round robin), so a version's shards spread
/// evenly: 6 shards on 3 silos put 2 on each. Orleans' default placement is random, which on 3 silos
/// puts 4 or more of 6 shards on one silo about one time in five.
/// </summary>
[GenerateSerializer, Immutable, Alias("oh.ShardSpreadPlacement")]
public sealed class ShardSpreadPlacement : PlacementStrategy
{
    public static ShardSpreadPlacement Instance { get; } = new();
}
