using System.Collections.Concurrent;
using OrleansHealth.Learning.Features;

namespace OrleansHealth.Grains.Learning;

/// <summary>
/// The embedded mode's feature rows: kept for the life of the process, like the embedded grain storage.
/// Timelines are immutable records, so they are stored by reference.
/// </summary>
public sealed class InMemoryFeatureRowStore : IFeatureRowStore
{
    private readonly ConcurrentDictionary<int, ConcurrentDictionary<string, ClinicalTimeline>> partitions = new();

    public Task<IReadOnlyList<ClinicalTimeline>> LoadAsync(int partition, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ClinicalTimeline>>(partitions.TryGetValue(partition, out var rows) ? [.. rows.Values] : []);

    public Task UpsertAsync(int partition, IReadOnlyCollection<ClinicalTimeline> timelines, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(timelines);
        var rows = partitions.GetOrAdd(partition, _ => new ConcurrentDictionary<string, ClinicalTimeline>(StringComparer.Ordinal));
        foreach (var timeline in timelines)
        {
            rows[timeline.PseudonymousId] = timeline;
        }

        return Task.CompletedTask;
    }
}
