using Orleans.Concurrency;
using OrleansHealth.Learning;
using OrleansHealth.Learning.Data;
using OrleansHealth.Learning.Features;
using OrleansHealth.Learning.Privacy;

namespace OrleansHealth.Grains.Learning;

/// <summary>
/// Holds its partition's timelines in memory and writes only the changed ones to the
/// <see cref="IFeatureRowStore"/>. Reentrant so that the upserts of many patients arriving together share
/// one store write (<see cref="GroupCommit"/>) instead of queueing one write each.
/// </summary>
[Reentrant]
public sealed class FeaturePartitionGrain : Grain, IFeaturePartitionGrain
{
    private readonly IFeatureRowStore store;
    private readonly GroupCommit commit;
    private readonly Dictionary<string, ClinicalTimeline> timelines = new(StringComparer.Ordinal);

    /// <summary>Changed since the last store write began; the next write takes them all.</summary>
    private Dictionary<string, ClinicalTimeline> unwritten = new(StringComparer.Ordinal);

    public FeaturePartitionGrain(IFeatureRowStore store)
    {
        this.store = store;
        commit = new GroupCommit(WriteUnwrittenAsync);
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var timeline in await store.LoadAsync(Partition, cancellationToken))
        {
            timelines[timeline.PseudonymousId] = timeline;
        }
    }

    public Task UpsertAsync(ClinicalTimeline timeline)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        timelines[timeline.PseudonymousId] = timeline;
        unwritten[timeline.PseudonymousId] = timeline;
        return commit.CommitAsync();
    }

    public Task<PartitionExtract> ExtractAsync(ModelDefinition definition)
    {
        var extractor = new FeatureExtractor(definition);
        var width = definition.Features.Count;
        var values = new List<float>();
        var labels = new List<bool>();
        var ids = new List<string>();
        var holdout = new List<string?>();
        var matched = new int[width];
        foreach (var (id, timeline) in timelines.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            if (extractor.Extract(timeline) is not { } row)
            {
                continue;
            }

            values.AddRange(row.Values);
            labels.Add(row.Label);
            ids.Add(id);
            holdout.Add(row.HoldoutValue);
            for (var i = 0; i < width; i++)
            {
                matched[i] += row.Matched[i] ? 1 : 0;
            }
        }

        var matrix = new FeatureMatrix([.. extractor.Names], [.. values], [.. labels], [.. ids]);
        return Task.FromResult(new PartitionExtract(matrix, [.. holdout], matched, timelines.Count));
    }

    public Task<IReadOnlyList<DeidentifiedRow>> ExportAsync(ModelDefinition definition, DateOnly today)
    {
        var extractor = new DatasetExtractor(definition);
        IReadOnlyList<DeidentifiedRow> rows =
        [
            .. timelines.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => extractor.Extract(t.Value, today)).OfType<DeidentifiedRow>(),
        ];
        return Task.FromResult(rows);
    }

    public Task<int> CountAsync() => Task.FromResult(timelines.Count);

    private int Partition => (int)this.GetPrimaryKeyLong();

    private async Task WriteUnwrittenAsync()
    {
        var batch = unwritten;
        unwritten = new Dictionary<string, ClinicalTimeline>(StringComparer.Ordinal);
        try
        {
            await store.UpsertAsync(Partition, batch.Values);
        }
        catch
        {
            // Not written: the next write retries them, unless a newer version of the same patient is already waiting.
            foreach (var (id, timeline) in batch)
            {
                unwritten.TryAdd(id, timeline);
            }

            throw;
        }
    }
}
