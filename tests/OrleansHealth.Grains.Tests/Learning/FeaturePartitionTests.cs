using OrleansHealth.Clinical.Model;
using OrleansHealth.Learning;
using OrleansHealth.Learning.Features;

namespace OrleansHealth.Grains.Tests.Learning;

/// <summary>Feature partitions keep their timelines in the feature row store, one row per patient.</summary>
[Collection(ClusterCollection.Name)]
public sealed class FeaturePartitionTests(ClusterFixture fixture)
{
    // Partition keys far above FeaturePartitions.Count, so no patient of another test lands in them.
    private const long FirstPartition = 1_000_000;

    [Fact]
    public async Task Upsert_IsInTheStoreWhenItReturns_AndReplacesThePatientsRow()
    {
        const int partition = (int)FirstPartition;
        var grain = fixture.Grains.GetGrain<IFeaturePartitionGrain>(partition);

        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => grain.UpsertAsync(Timeline($"ps-a-{i:D3}", weight: i))));
        await grain.UpsertAsync(Timeline("ps-a-007", weight: 700));

        var stored = await fixture.Stores.FeatureRows.LoadAsync(partition);
        Assert.Equal(50, stored.Count);
        Assert.Equal(700, stored.Single(t => t.PseudonymousId == "ps-a-007").Observations[0].Value);
        Assert.Equal(50, await grain.CountAsync());
    }

    [Fact]
    public async Task Activation_LoadsTheRowsAlreadyStored()
    {
        const int partition = (int)FirstPartition + 1;
        await fixture.Stores.FeatureRows.UpsertAsync(partition, [Timeline("ps-b-1", weight: 71), Timeline("ps-b-2", weight: 82)]);

        var grain = fixture.Grains.GetGrain<IFeaturePartitionGrain>(partition);
        var definition = new ModelDefinition(
            [new FeatureSpec("weight", FeatureKind.Column, "weight", Source: Source)],
            new OutcomeSpec(OutcomeKind.Label, "y", Source: Source));
        var extract = await grain.ExtractAsync(definition);

        Assert.Equal(2, await grain.CountAsync());
        Assert.Equal(["ps-b-1", "ps-b-2"], extract.Rows.RowIds);
        Assert.Equal([71f, 82f], extract.Rows.Values);
        Assert.Equal([true, false], extract.Rows.Labels);
    }

    private const string Source = "partition-tests";

    /// <summary>A tabular patient: a weight column and a label that is true below 75.</summary>
    private static ClinicalTimeline Timeline(string id, double weight) =>
        new(id, null, AdministrativeSex.Unknown,
            [
                new TimelineObservation($"{CodeSystems.Tabular(Source)}|weight", weight, null, null),
                new TimelineObservation($"{CodeSystems.Tabular(Source)}|y", weight < 75 ? 1 : 0, null, null),
            ],
            []);
}
