using Orleans.Runtime;

namespace OrleansHealth.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class ClusterShapeTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Fixture_HasThreeActiveSilos()
    {
        var hosts = await fixture.Grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);

        Assert.Equal(ClusterFixture.SiloCount, hosts.Count);
        Assert.All(hosts.Values, status => Assert.Equal(SiloStatus.Active, status));
    }
}
