using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrleansHealth.Learning;
using OrleansHealth.Learning.Data;
using OrleansHealth.Learning.Features;
using OrleansHealth.Learning.Forests;
using OrleansHealth.Learning.Scoring;
using OrleansHealth.Learning.Training;

namespace OrleansHealth.Grains.Learning;

/// <summary>
/// Orchestrates one version: gathers the cohort from every feature partition, splits and preprocesses
/// it, starts the shards, then polls them (restarting any that lost its work with its silo), merges
/// their trees and evaluates the merged forest and the baseline on the held-out rows.
/// </summary>
public sealed partial class ModelVersionGrain(
    [PersistentState("modelVersion", GrainStores.Main)] IPersistentState<ModelVersionState> state,
    [FromKeyedServices(HealthTime.Key)] TimeProvider time,
    ILocalSiloDetails silo,
    ILogger<ModelVersionGrain> logger) : Grain, IModelVersionGrain
{
    /// <summary>How often a training version asks its shards how far they are.</summary>
    public static TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>A shard that fails (not one whose silo died) is retried this many times before the version fails.</summary>
    public const int MaxAttempts = 3;

    /// <summary>How often a training activation writes <see cref="ModelVersionState.HeartbeatAt"/>.</summary>
    public static TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A training version whose heartbeat is older than this has lost the activation that ran it.</summary>
    public static TimeSpan OrphanedAfter => HeartbeatInterval * 4;

    private VersionRun? run;
    private IGrainTimer? orphanWatch;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Found training: the activation that ran it is gone (its silo died, or a silo crash took the directory
        // entry of this grain with it and Orleans deactivated it), and with it the training rows, which live in
        // memory only. Or that activation is still alive elsewhere for a moment. The heartbeat tells the two
        // apart; until it is stale this activation only reports what storage says, then it resumes the training.
        // The check runs from a timer, after this activation's first call: the caller may be the model itself.
        if (state.State.Spec is not null && state.State.State is VersionState.Training or VersionState.Evaluating)
        {
            orphanWatch = this.RegisterGrainTimer(WatchForOrphanAsync, new GrainTimerCreationOptions(TimeSpan.Zero, HeartbeatInterval));
        }

        return Task.CompletedTask;
    }

    private async Task WatchForOrphanAsync(CancellationToken cancellationToken)
    {
        await state.ReadStateAsync();
        if (state.State.State is not (VersionState.Training or VersionState.Evaluating))
        {
            orphanWatch?.Dispose();
            return;
        }

        if (time.GetUtcNow() - (state.State.HeartbeatAt ?? state.State.CreatedAt) > OrphanedAfter)
        {
            orphanWatch?.Dispose();
            var spec = state.State.Spec!;
            LogResumed(logger, spec.Model, spec.Version);
            if (await BeginAsync(spec, state.State.CreatedAt) is { Count: > 0 } problems)
            {
                await FinishAsync(VersionState.Failed, $"Training was interrupted (the silo running it stopped) and cannot resume: {string.Join(" ", problems)}");
            }
        }
    }

    public async Task<IReadOnlyList<string>> StartAsync(VersionSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (state.State.Spec is not null)
        {
            return [];
        }

        return await BeginAsync(spec, time.GetUtcNow());
    }

    /// <summary>
    /// Gathers the rows, fits the preparation, persists the version as training and starts its shards. Run again
    /// with the same spec after the activation that ran it was lost: the data are gathered anew, and shards whose
    /// task is unchanged keep the trees they already grew (a shard skips a task it has finished).
    /// </summary>
    private async Task<IReadOnlyList<string>> BeginAsync(VersionSpec spec, DateTimeOffset createdAt)
    {
        var clock = Stopwatch.StartNew();
        var extracts = await Task.WhenAll(Enumerable.Range(0, FeaturePartitions.Count)
            .Select(p => GrainFactory.GetGrain<IFeaturePartitionGrain>(p).ExtractAsync(spec.Definition)));
        var cohort = FeatureMatrices.Concat([.. extracts.Select(e => e.Rows)]);
        var matched = Enumerable.Range(0, spec.Definition.Features.Count).Select(i => extracts.Sum(e => e.MatchedPerFeature[i])).ToArray();
        var split = DatasetSplitter.Split(cohort, [.. extracts.SelectMany(e => e.HoldoutValues)], matched, spec.Definition, spec.Request);
        if (split.Problems.Count > 0)
        {
            return split.Problems;
        }

        if (CrossValidation.Problem(spec.Request, split.Training) is { } folds)
        {
            return [folds];
        }

        var gathered = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var prepared = await Task.Run(() => PreparedData.Fit(split.Training, spec.Request.TopK, TreatmentColumns(spec.Definition)));
        var tasks = ShardTasks(spec, prepared.ForestInput);
        run = new VersionRun(tasks, split.Training, split.Holdout, prepared.BaselineInput, gathered, clock.Elapsed.TotalSeconds);

        state.State = new ModelVersionState
        {
            Spec = spec,
            State = VersionState.Training,
            CreatedAt = createdAt,
            Shards = [.. tasks.Select(t => new ShardStatus(t.Index, ShardState.Idle, null, 0, t.Options.Trees, 0, null, null))],
            Data = new DatasetSummary(extracts.Sum(e => e.Patients), cohort.Rows, split.Training.Rows, split.Training.Labels.Count(l => l), split.Holdout.Rows, split.Holdout.Labels.Count(l => l)),
            Ranking = [.. prepared.Ranking],
            Plan = prepared.Plan,
            HeartbeatAt = time.GetUtcNow(),
        };
        run.LastHeartbeat = time.GetUtcNow();
        await state.WriteStateAsync();
        await Task.WhenAll(tasks.Select(StartShardAsync));
        run.Poller = this.RegisterGrainTimer(PollAsync, new GrainTimerCreationOptions(PollInterval, PollInterval) { KeepAlive = true });
        return [];
    }

    public Task<VersionStatus?> GetStatusAsync()
    {
        var s = state.State;
        if (s.Spec is not { } spec)
        {
            return Task.FromResult<VersionStatus?>(null);
        }

        return Task.FromResult<VersionStatus?>(new VersionStatus(
            spec.Model, spec.Version, s.State, spec.Definition, spec.Request, s.CreatedAt, s.FinishedAt, [.. s.Shards], s.Data,
            [.. s.Ranking], s.Plan?.OutputNames ?? [], s.ForestReport, s.BaselineReport, s.Winner, [.. s.Importance], s.Timings,
            s.Forest?.Trees.Length ?? 0, s.Error, silo.SiloAddress.ToString(), s.CrossValidation));
    }

    public async Task CancelAsync()
    {
        if (run is null || state.State.State is not (VersionState.Training or VersionState.Evaluating))
        {
            return;
        }

        await run.Cancellation.CancelAsync();
        await Task.WhenAll(run.Tasks.Select(t => Shard(t.Index).CancelAsync()));
        await FinishAsync(VersionState.Cancelled, "Cancelled on request.");
    }

    public Task<Forest?> GetForestAsync() => Task.FromResult(state.State.State == VersionState.Completed ? state.State.Forest : null);

    public Task<HoldoutPredictions?> GetHoldoutPredictionsAsync() => Task.FromResult(state.State.Holdout);

    public Task<ScoringModel?> GetScoringModelAsync() => Task.FromResult(state.State.State == VersionState.Completed ? state.State.Scoring : null);

    /// <summary>The raw columns of the model's treatment features: kept by feature selection, since ranking treatments needs them.</summary>
    private static int[] TreatmentColumns(ModelDefinition definition) =>
        definition.Treatment is not { } treatment
            ? []
            : [.. definition.Features.Select((f, i) => (f.Name, i))
                .Where(f => treatment.Candidates.Any(c => c.Features.Keys.Contains(f.Name, StringComparer.OrdinalIgnoreCase)))
                .Select(f => f.i)];

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        if (run is null || state.State.State != VersionState.Training)
        {
            return;
        }

        var statuses = await Task.WhenAll(run.Tasks.Select(t => ShardStatusAsync(t.Index)));
        for (var k = 0; k < statuses.Length; k++)
        {
            var previous = state.State.Shards[k];
            var status = statuses[k] ?? previous with { State = ShardState.Training, Error = "unreachable: waiting for the cluster to notice its silo is gone" };
            if (status.State is ShardState.Idle or ShardState.Failed or ShardState.Cancelled && previous.State != ShardState.Completed)
            {
                if (status.State == ShardState.Failed && previous.Attempts >= MaxAttempts)
                {
                    await FinishAsync(VersionState.Failed, $"Shard {k} failed {MaxAttempts} times; the last error: {status.Error}");
                    return;
                }

                LogShardRestarted(logger, ShardKeys.Shard(state.State.Spec!.Model, state.State.Spec.Version, k), previous.Attempts);
                await StartShardAsync(run.Tasks[k]);
                status = status with { State = ShardState.Training, Progress = 0, Error = status.Error };
            }

            state.State.Shards[k] = status with { Attempts = state.State.Shards[k].Attempts };
        }

        if (state.State.Shards.All(s => s.State == ShardState.Completed))
        {
            await CompleteAsync();
        }
        else if (time.GetUtcNow() - run.LastHeartbeat >= HeartbeatInterval)
        {
            run.LastHeartbeat = time.GetUtcNow();
            state.State.HeartbeatAt = run.LastHeartbeat;
            await state.WriteStateAsync();
        }
    }

    private async Task CompleteAsync()
    {
        var r = run!;
        r.Poller?.Dispose();
        var trainSeconds = r.TrainingClock.Elapsed.TotalSeconds;
        state.State.State = VersionState.Evaluating;
        var clock = Stopwatch.StartNew();
        var forests = await Task.WhenAll(r.Tasks.Select(t => Shard(t.Index).GetForestAsync()));
        if (forests.Any(f => f is null))
        {
            // A shard lost its trees between its status and now (its silo died): keep polling.
            state.State.State = VersionState.Training;
            r.Poller = this.RegisterGrainTimer(PollAsync, new GrainTimerCreationOptions(PollInterval, PollInterval) { KeepAlive = true });
            return;
        }

        var forest = Forest.Merge(forests!);
        var mergeSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var spec = state.State.Spec!;
        var plan = state.State.Plan!;
        var (baseline, evaluation, scoring) = await Task.Run(() =>
        {
            var trained = LogisticBaselineTrainer.Train(r.BaselineInput, spec.Request.Seed);
            var scoring = ScoringModel.Build(spec.Model, spec.Version, spec.Definition, plan, forest, r.Tasks[0].Training, r.Tasks.Length);
            return (trained, VersionEvaluation.Compute(forest, trained, plan, r.Holdout, spec.Request.Threshold, spec.Request.Seed), scoring);
        });
        var evaluateSeconds = clock.Elapsed.TotalSeconds;
        if (spec.Request.Folds is not null && !r.Cancellation.IsCancellationRequested)
        {
            try
            {
                state.State.CrossValidation = await Task.Run(() => CrossValidation.Run(r.Training, spec.Request, r.Cancellation.Token));
            }
            catch (OperationCanceledException)
            {
                // Cancelled while cross-validating: CancelAsync has already recorded the outcome.
            }
        }

        if (r.Cancellation.IsCancellationRequested)
        {
            return;
        }

        state.State.Forest = forest;
        state.State.Scoring = scoring;
        state.State.Baseline = baseline;
        state.State.ForestReport = evaluation.Forest;
        state.State.BaselineReport = evaluation.Baseline;
        state.State.Winner = evaluation.Winner;
        state.State.Importance = [.. evaluation.Importance.Select(i => new FeatureImportance(i.Feature, i.AurocDrop))];
        state.State.Holdout = new HoldoutPredictions(r.Holdout.RowIds, r.Holdout.Labels, evaluation.ForestPredictions, evaluation.BaselinePredictions);
        state.State.Timings = new VersionTimings(r.GatherSeconds, r.PreprocessSeconds, trainSeconds, mergeSeconds, evaluateSeconds);
        await FinishAsync(VersionState.Completed, null);
    }

    private async Task FinishAsync(VersionState outcome, string? error)
    {
        run?.Poller?.Dispose();
        run = null;
        state.State.State = outcome;
        state.State.Error = error;
        state.State.FinishedAt = time.GetUtcNow();
        await state.WriteStateAsync();
        var spec = state.State.Spec!;
        await GrainFactory.GetGrain<IModelGrain>(spec.Model)
            .VersionChangedAsync(new VersionSummary(spec.Version, outcome, state.State.CreatedAt, state.State.ForestReport?.Auroc, state.State.Winner));
    }

    private async Task StartShardAsync(ShardTask task)
    {
        try
        {
            await Shard(task.Index).StartAsync(task);
            var shard = state.State.Shards[task.Index];
            state.State.Shards[task.Index] = shard with { State = ShardState.Training, Attempts = shard.Attempts + 1 };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The shard's silo is going away; the next poll finds it re-activated elsewhere and starts it.
            LogShardUnreachable(logger, e, task.Index);
        }
    }

    private async Task<ShardStatus?> ShardStatusAsync(int index)
    {
        try
        {
            return await Shard(index).GetStatusAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogShardUnreachable(logger, e, index);
            return null;
        }
    }

    private IForestShardGrain Shard(int index)
    {
        var spec = state.State.Spec!;
        return GrainFactory.GetGrain<IForestShardGrain>(ShardKeys.Shard(spec.Model, spec.Version, index));
    }

    private static ShardTask[] ShardTasks(VersionSpec spec, FeatureMatrix training)
    {
        var data = Convert.ToHexStringLower(SHA256.HashData(MemoryMarshal.AsBytes(training.Values.AsSpan())))[..16];
        return [.. Enumerable.Range(0, spec.Request.Shards).Select(k =>
        {
            var options = TrainingRequests.OptionsFor(spec.Request, ShardPlan.TreesFor(spec.Request.Trees, spec.Request.Shards, k), k);
            return new ShardTask(k, training, options, $"{ShardKeys.Shard(spec.Model, spec.Version, k)}|{options}|{training.Rows}|{data}");
        })];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Restarting shard {Shard} (attempts so far: {Attempts})")]
    private static partial void LogShardRestarted(ILogger logger, string shard, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shard {Shard} is unreachable")]
    private static partial void LogShardUnreachable(ILogger logger, Exception exception, int shard);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Version {Version} of model {Model} lost the activation that trained it; resuming")]
    private static partial void LogResumed(ILogger logger, string model, int version);
}
