using OrleansHealth.Cluster;
using OrleansHealth.Grains.Cluster;

namespace OrleansHealth.Grains.Tests.Cluster;

[Collection(ClusterCollection.Name)]
public sealed class ClusterActivityGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task EachSiloIsListedByName_AndOneSilentForTwoMinutesIsForgotten()
    {
        // A key of its own, so that nothing else reports to it.
        var grain = fixture.Grains.GetGrain<IClusterActivityGrain>(4711);
        var at = fixture.Time.GetUtcNow();
        await grain.ReportAsync(new ActivitySample("silo-b", "b", at, 0, 0));
        await grain.ReportAsync(new ActivitySample("silo-a", "a", at, 0, 0));
        await grain.ReportAsync(new ActivitySample("silo-a", "a", at.AddSeconds(5), 50, 10));

        var both = await grain.GetAsync();
        Assert.Equal(["silo-a", "silo-b"], both.Select(s => s.Silo));
        Assert.Equal((10, 2), (both[0].RecordsPerSecond, both[0].PredictionsPerSecond));

        fixture.Time.Advance(ClusterActivityGrain.ForgetAfter / 2);
        await grain.ReportAsync(new ActivitySample("silo-a", "a", at.AddSeconds(65), 50, 10));
        fixture.Time.Advance(ClusterActivityGrain.ForgetAfter / 2 + TimeSpan.FromSeconds(1));

        Assert.Equal(["silo-a"], (await grain.GetAsync()).Select(s => s.Silo));
    }
}
