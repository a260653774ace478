using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using OrleansHealth.Learning;
using OrleansHealth.Learning.Data;
using OrleansHealth.Learning.Features;
using OrleansHealth.Learning.Forests;
using OrleansHealth.Learning.Scoring;

namespace OrleansHealth.Grains.Learning;

/// <summary>
/// A per-silo replica of a model's active version: stateless workers (one per core when busy) that share
/// the silo's one copy of the compiled forest through <see cref="ScoringModelCache"/>. It asks the model grain for the active version
/// every <see cref="RefreshInterval"/> and swaps in a new version only once it is loaded, so a
/// promotion reaches every silo within about a second and no request fails during the switch.
/// </summary>
[StatelessWorker, Reentrant]
public sealed partial class PredictorGrain(ScoringModelCache cache, ILogger<PredictorGrain> logger) : Grain, IPredictorGrain
{
    public static TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Blocks of at least this many rows are scattered to the shards; smaller ones are cheaper to score here.</summary>
    public static int ScatterThreshold { get; set; } = 2_048;

    private ScoringModel? current;
    private bool loaded;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(RefreshAsync, new GrainTimerCreationOptions(RefreshInterval, RefreshInterval) { Interleave = true });
        return RefreshAsync(cancellationToken);
    }

    public async Task<int?> GetVersionAsync() => (await ModelAsync())?.Version;

    public async Task<IReadOnlyList<string>?> GetFeaturesAsync() =>
        await ModelAsync() is { } model ? [.. model.Definition.Features.Select(f => f.Name)] : null;

    public async Task<Prediction?> PredictAsync(ClinicalTimeline timeline) =>
        await ModelAsync() is { } model ? model.Predict(model.RawRow(timeline)) : null;

    public async Task<TreatmentRanking?> RankTreatmentsAsync(ClinicalTimeline timeline) =>
        await ModelAsync() is { } model ? model.RankTreatments(model.RawRow(timeline)) : null;

    public async Task<BatchScores?> ScoreAsync(float[] rawRows, int rows)
    {
        ArgumentNullException.ThrowIfNull(rawRows);
        if (await ModelAsync() is not { } model)
        {
            return null;
        }

        if (rows < 0 || rawRows.Length != rows * model.RawWidth)
        {
            throw new ArgumentException($"Each row must have {model.RawWidth} values (one per feature of the model), in the definition's order.", nameof(rawRows));
        }

        var prepared = model.Prepare(rawRows, rows);
        var width = model.Plan.OutputWidth;
        if (rows >= ScatterThreshold && model.Shards > 1)
        {
            return new BatchScores(model.Version, await ScatterAsync(model, prepared, width, rows), Scattered: true);
        }

        var probabilities = new double[rows];
        model.Forest.Probabilities(new FeatureMatrix([.. model.Plan.OutputNames], prepared, new bool[rows], new string[rows]), probabilities);
        return new BatchScores(model.Version, probabilities, Scattered: false);
    }

    /// <summary>Every shard votes on every row; the partial sums are added and turned into probabilities by <see cref="VoteSum"/>, as the local forest does.</summary>
    private async Task<double[]> ScatterAsync(ScoringModel model, float[] prepared, int width, int rows)
    {
        var votes = await Task.WhenAll(Enumerable.Range(0, model.Shards).Select(k =>
            GrainFactory.GetGrain<IForestShardGrain>(ShardKeys.Shard(model.Model, model.Version, k)).VoteAsync(prepared, width)));
        var probabilities = new double[rows];
        for (var r = 0; r < rows; r++)
        {
            var total = VoteSum.Zero;
            foreach (var shard in votes)
            {
                total += new VoteSum(shard.Sums[r], shard.Trees);
            }

            probabilities[r] = total.Probability;
        }

        return probabilities;
    }

    private async Task<ScoringModel?> ModelAsync()
    {
        if (!loaded)
        {
            await RefreshAsync(CancellationToken.None);
        }

        return current;
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var model = this.GetPrimaryKeyString();
        try
        {
            var active = await GrainFactory.GetGrain<IModelGrain>(model).GetActiveVersionAsync();
            if (active != current?.Version)
            {
                // The old version keeps answering until the new one is here.
                current = active is { } version ? await cache.GetAsync(GrainFactory, model, version) : null;
                if (current is not null)
                {
                    cache.Keep(model, current.Version);
                }

                LogVersion(logger, model, current?.Version);
            }

            loaded = true;
            cache.ConfirmActive(model, current?.Version);
        }
        catch (Exception e) when (e is not OperationCanceledException && loaded)
        {
            // A failed refresh keeps the version this replica has; the next tick tries again.
            LogRefreshFailed(logger, e, model);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Predictor for model {Model} now scores with version {Version}")]
    private static partial void LogVersion(ILogger logger, string model, int? version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Predictor for model {Model} could not refresh its active version")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception, string model);
}
