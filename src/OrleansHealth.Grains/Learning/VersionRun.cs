using System.Diagnostics;
using OrleansHealth.Learning;
using OrleansHealth.Learning.Data;

namespace OrleansHealth.Grains.Learning;

/// <summary>
/// The in-memory side of a version while it trains: the shard tasks (they hold the training rows,
/// which are not persisted), the held-out rows, and the clocks for the timings.
/// </summary>
internal sealed class VersionRun(ShardTask[] tasks, FeatureMatrix training, FeatureMatrix holdout, FeatureMatrix baselineInput, double gatherSeconds, double preprocessSeconds)
{
    public ShardTask[] Tasks { get; } = tasks;

    /// <summary>The raw (unprepared) training rows, for cross-validation.</summary>
    public FeatureMatrix Training { get; } = training;

    public FeatureMatrix Holdout { get; } = holdout;

    public FeatureMatrix BaselineInput { get; } = baselineInput;

    public double GatherSeconds { get; } = gatherSeconds;

    public double PreprocessSeconds { get; } = preprocessSeconds;

    public Stopwatch TrainingClock { get; } = Stopwatch.StartNew();

    public IGrainTimer? Poller { get; set; }

    /// <summary>When the state was last written with a heartbeat.</summary>
    public DateTimeOffset LastHeartbeat { get; set; }

    public CancellationTokenSource Cancellation { get; } = new();
}
