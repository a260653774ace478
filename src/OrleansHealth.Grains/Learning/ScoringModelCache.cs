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
    private readonly ConcurrentDictionary<string, Lazy<Task<ScoringModel?>>> models = new(StringComparer.Ordinal);

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
}
