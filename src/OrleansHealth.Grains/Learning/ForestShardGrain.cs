using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrleansHealth.Learning;
using OrleansHealth.Learning.Data;
using OrleansHealth.Learning.Forests;
using OrleansHealth.Learning.Scoring;

namespace OrleansHealth.Grains.Learning;

/// <summary>
/// Trains one shard's trees through the silo's <see cref="IShardTrainer"/> (off the grain turn, so status
/// queries are answered while it runs), then persists them. Only the
/// result is persisted: a shard re-activated on another silo after a crash reports
/// <see cref="ShardState.Idle"/>, and its version starts it again.
/// </summary>
[ShardSpreadPlacement]
public sealed partial class ForestShardGrain(
    [PersistentState("forestShard", GrainStores.Main)] IPersistentState<ForestShardState> state,
    ILocalSiloDetails silo,
    IShardTrainer trainer,
    [FromKeyedServices(HealthTime.Key)] TimeProvider time,
    ILogger<ForestShardGrain> logger) : Grain, IForestShardGrain
{
    private Task? running;
    private CompiledForest? compiled;
    private string? runningFingerprint;
    private CancellationTokenSource? cancellation;
    private double progress;
    private int trees;
    private DateTimeOffset? startedAt;
    private string? error;
    private ShardState? ended;

    public Task StartAsync(ShardTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var done = state.State.Forest is not null && state.State.Fingerprint == task.Fingerprint;
        if (done || (running is not null && runningFingerprint == task.Fingerprint))
        {
            return Task.CompletedTask;
        }

        cancellation?.Cancel();
        cancellation = new CancellationTokenSource();
        runningFingerprint = task.Fingerprint;
        trees = task.Options.Trees;
        progress = 0;
        error = null;
        ended = null;
        startedAt = time.GetUtcNow();
        running = RunAsync(task, cancellation.Token);
        return Task.CompletedTask;
    }

    public Task<ShardStatus> GetStatusAsync()
    {
        var index = ShardKeys.IndexOf(this.GetPrimaryKeyString());
        var here = silo.SiloAddress.ToString();
        if (state.State.Forest is { } forest && running is null && ended is null)
        {
            return Task.FromResult(new ShardStatus(index, ShardState.Completed, state.State.Silo ?? here, 1, forest.Trees.Length, 0, state.State.StartedAt, state.State.FinishedAt));
        }

        var current = running is not null ? ShardState.Training : ended ?? ShardState.Idle;
        return Task.FromResult(new ShardStatus(index, current, here, Volatile.Read(ref progress), trees, 0, startedAt, null, error));
    }

    public Task<Forest?> GetForestAsync() => Task.FromResult(running is null ? state.State.Forest : null);

    public Task<ShardVotes> VoteAsync(float[] rows, int width)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (state.State.Forest is not { } forest || running is not null)
        {
            throw new InvalidOperationException($"Shard {this.GetPrimaryKeyString()} holds no trained trees.");
        }

        if (width != forest.Width || rows.Length % width != 0)
        {
            throw new ArgumentException($"Rows of {forest.Width} model inputs were expected, not {width}.", nameof(width));
        }

        // The compiled kernel scores blocks of rows many times faster than a walk per row; a tree-count
        // multiple of the mean is the sum of the trees' probabilities up to rounding.
        compiled ??= CompiledForest.Compile(forest, new FeatureMatrix([.. Enumerable.Range(0, width).Select(i => $"x{i}")], [], [], []));
        var count = rows.Length / width;
        var sums = new double[count];
        compiled.Probabilities(new FeatureMatrix([.. Enumerable.Range(0, width).Select(i => $"x{i}")], rows, new bool[count], new string[count]), sums);
        for (var r = 0; r < count; r++)
        {
            sums[r] *= forest.Trees.Length;
        }

        return Task.FromResult(new ShardVotes(sums, forest.Trees.Length));
    }

    public Task CancelAsync()
    {
        cancellation?.Cancel();
        return Task.CompletedTask;
    }

    private async Task RunAsync(ShardTask task, CancellationToken cancel)
    {
        try
        {
            var reporter = new Progress<double>(p => Volatile.Write(ref progress, p));
            var forest = await trainer.TrainAsync(task, reporter, cancel);
            state.State = new ForestShardState
            {
                Fingerprint = task.Fingerprint,
                Forest = forest,
                StartedAt = startedAt,
                FinishedAt = time.GetUtcNow(),
                Silo = silo.SiloAddress.ToString(),
            };
            compiled = null;
            await state.WriteStateAsync();
            Volatile.Write(ref progress, 1);
        }
        catch (OperationCanceledException)
        {
            ended = ShardState.Cancelled;
        }
        catch (Exception e)
        {
            // A failed shard is reported to its version, which decides whether to retry; the grain stays usable.
            LogShardFailed(logger, e, this.GetPrimaryKeyString());
            error = e.Message;
            ended = ShardState.Failed;
        }
        finally
        {
            running = null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Forest shard {Shard} failed to train")]
    private static partial void LogShardFailed(ILogger logger, Exception exception, string shard);
}
