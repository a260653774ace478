using OrleansHealth.Learning;
using OrleansHealth.Learning.Forests;

namespace OrleansHealth.Grains.Learning;

/// <summary>
/// Grows one shard's trees. A service rather than a direct call so that a silo can decide where the
/// CPU-bound work runs, and so that fault tests can hold training at a known point (a shard that is
/// provably mid-training when its silo is killed) while the real trainer still does the work.
/// </summary>
public interface IShardTrainer
{
    Task<Forest> TrainAsync(ShardTask task, IProgress<double> progress, CancellationToken cancellationToken);
}

/// <summary>
/// Runs ML.NET or the classic learner on the thread pool: both are synchronous and CPU-bound, and in
/// a grain turn they would hold the activation and starve its status queries.
/// </summary>
public sealed class ThreadPoolShardTrainer : IShardTrainer
{
    public Task<Forest> TrainAsync(ShardTask task, IProgress<double> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        return Task.Run(() => task.Options.Train(task.Training, progress, cancellationToken), cancellationToken);
    }
}
