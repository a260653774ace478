using Orleans.Concurrency;
using OrleansHealth.Learning.Forests;

namespace OrleansHealth.Learning;

/// <summary>
/// One trained (or training) version of a model, keyed <c>{model}/v{n}</c>. It gathers the rows,
/// preprocesses, fans the trees out to its shards, merges and evaluates them, and keeps the result.
/// </summary>
public interface IModelVersionGrain : IGrainWithStringKey
{
    /// <summary>
    /// Gathers and checks the data and starts the shards. Returns the problems that stop training (no
    /// version is created then), or an empty list once the shards are started.
    /// </summary>
    Task<IReadOnlyList<string>> StartAsync(VersionSpec spec);

    /// <summary>The status, or null when this version was never started.</summary>
    [AlwaysInterleave]
    Task<VersionStatus?> GetStatusAsync();

    [AlwaysInterleave]
    Task CancelAsync();

    /// <summary>The merged forest of a completed version.</summary>
    Task<Forest?> GetForestAsync();

    Task<HoldoutPredictions?> GetHoldoutPredictionsAsync();

    /// <summary>What a predictor needs to score with this version; null until it completed.</summary>
    Task<OrleansHealth.Learning.Scoring.ScoringModel?> GetScoringModelAsync();
}
