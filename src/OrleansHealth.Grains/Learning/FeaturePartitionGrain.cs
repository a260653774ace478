using Orleans.Concurrency;
using OrleansHealth.Learning;
using OrleansHealth.Learning.Data;
using OrleansHealth.Learning.Features;

namespace OrleansHealth.Grains.Learning;

/// <summary>
/// Reentrant so that the upserts of many patients arriving together share one state write
/// (<see cref="GroupCommit"/>) instead of queueing one write each.
/// </summary>
[Reentrant]
public sealed class FeaturePartitionGrain : Grain, IFeaturePartitionGrain
{
    private readonly IPersistentState<FeaturePartitionState> state;
    private readonly GroupCommit commit;

    public FeaturePartitionGrain([PersistentState("featurePartition", GrainStores.Main)] IPersistentState<FeaturePartitionState> state)
    {
        this.state = state;
        commit = new GroupCommit(() => state.WriteStateAsync());
    }

    public Task UpsertAsync(ClinicalTimeline timeline)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        state.State.Timelines[timeline.PseudonymousId] = timeline;
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
        foreach (var (id, timeline) in state.State.Timelines.OrderBy(t => t.Key, StringComparer.Ordinal))
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
        return Task.FromResult(new PartitionExtract(matrix, [.. holdout], matched, state.State.Timelines.Count));
    }

    public Task<int> CountAsync() => Task.FromResult(state.State.Timelines.Count);
}
