using System.Collections.Concurrent;
using OrleansHealth.Learning;
using OrleansHealth.Learning.Scoring;

namespace OrleansHealth.Grains.Learning;

/// <summary>
/// The compiled versions held by this silo, shared by all predictor activations on it, so a forest is
/// held once per silo however many worker activations score with it. Versions are immutable once
/// completed, so an entry never goes stale; versions no longer active are dropped on a switch.
/// </summary>
public sealed class ScoringModelCache
{
    /// <summary>How long a replica's view of the active version stands for the silo (replicas refresh every second).</summary>
    public static readonly TimeSpan ActiveVersionFreshFor = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, Lazy<Task<ScoringModel?>>> models = new(StringComparer.Ordinal);

    /// <summary>Per model: the version a replica of this silo scores with, and when it last confirmed it (<see cref="Environment.TickCount64"/>).</summary>
    private readonly ConcurrentDictionary<string, (int? Version, long ConfirmedAt)> active = new(StringComparer.Ordinal);

    public Task<ScoringModel?> GetAsync(IGrainFactory grains, string model, int version)
    {
        var key = ShardKeys.Version(model, version);
        var entry = models.GetOrAdd(key, k => new Lazy<Task<ScoringModel?>>(() => grains.GetGrain<IModelVersionGrain>(k).GetScoringModelAsync()));
        if (entry.Value.IsFaulted || entry.Value is { IsCompletedSuccessfully: true, Result: null })
        {
            // A failed or premature load is not remembered.
            models.TryRemove(KeyValuePair.Create(key, entry));
        }

        return entry.Value;
    }

    /// <summary>Forgets the model's other versions.</summary>
    public void Keep(string model, int version)
    {
        var keep = ShardKeys.Version(model, version);
        foreach (var key in models.Keys.Where(k => k.StartsWith(model + "/v", StringComparison.Ordinal) && k != keep))
        {
            models.TryRemove(key, out _);
        }
    }

    /// <summary>A predictor replica of this silo has just confirmed the version it scores with.</summary>
    public void ConfirmActive(string model, int? version) => active[model] = (version, Environment.TickCount64);

    /// <summary>
    /// The active version as this silo's replicas last confirmed it, if that was within
    /// <see cref="ActiveVersionFreshFor"/>: lets a patient grain check a cached answer without a call to
    /// the replica. As fresh as the replicas' own polling, which already bounds how soon a promotion is seen.
    /// </summary>
    public bool TryGetActive(string model, out int? version)
    {
        if (active.TryGetValue(model, out var seen) && Environment.TickCount64 - seen.ConfirmedAt <= (long)ActiveVersionFreshFor.TotalMilliseconds)
        {
            version = seen.Version;
            return true;
        }

        version = null;
        return false;
    }
}
