using Orleans.Concurrency;
using OrleansHealth.Learning.Forests;

namespace OrleansHealth.Learning;

/// <summary>
/// One shard of a model version (<c>{model}/v{n}/shard-{k}</c>), placed so that a version's shards spread
/// over the silos. It trains its share of the trees in the background and keeps them once done.
/// </summary>
public interface IForestShardGrain : IGrainWithStringKey
{
    /// <summary>Starts training and returns at once; does nothing when this task is already running or done.</summary>
    Task StartAsync(ShardTask task);

    /// <summary>Where the shard runs and how far it is. Answered even while training.</summary>
    [AlwaysInterleave]
    Task<ShardStatus> GetStatusAsync();

    /// <summary>The trained trees, or null until training completed.</summary>
    Task<Forest?> GetForestAsync();

    /// <summary>Partial votes of this shard's trees for prepared (model-input) rows, row-major.</summary>
    [AlwaysInterleave]
    Task<ShardVotes> VoteAsync(float[] rows, int width);

    /// <summary>Stops the run at the next point ML.NET allows and forgets it.</summary>
    [AlwaysInterleave]
    Task CancelAsync();
}
