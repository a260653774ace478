using Orleans.Runtime;
using OrleansHealth.Sources;

namespace OrleansHealth.Grains.Tests.Sources;

[Collection(ClusterCollection.Name)]
public sealed class DataSourceGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Get_NeverRegistered_IsNull()
    {
        Assert.Null(await fixture.Grains.GetGrain<IDataSourceGrain>("nobody-registered-me").GetAsync());
    }

    [Fact]
    public async Task Register_ThenReregister_KeepsFirstRegistrationTimeAndTakesNewValues()
    {
        var grain = fixture.Grains.GetGrain<IDataSourceGrain>("lab-north");
        var first = fixture.Time.GetUtcNow();

        Assert.True(await grain.RegisterAsync(new SourceRegistration("North lab", SourceFormat.Csv, 40)));
        fixture.Time.Advance(TimeSpan.FromHours(2));
        Assert.False(await grain.RegisterAsync(new SourceRegistration("North lab v2", SourceFormat.FhirNdjson, 60)));

        var details = await grain.GetAsync();
        Assert.Equal(new SourceRegistration("North lab v2", SourceFormat.FhirNdjson, 60), details!.Registration);
        Assert.Equal(first, details.RegisteredAt);
        Assert.Equal(first + TimeSpan.FromHours(2), details.UpdatedAt);
    }

    [Fact]
    public async Task Register_SurvivesDeactivation()
    {
        var grain = fixture.Grains.GetGrain<IDataSourceGrain>("wearables");
        await grain.RegisterAsync(new SourceRegistration("Wearables", SourceFormat.FhirNdjson, 10));

        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        Assert.Equal("Wearables", (await grain.GetAsync())!.Registration.Name);
    }

    [Fact]
    public async Task Register_ManySources_AllListedOnceInOrder()
    {
        var ids = Enumerable.Range(0, 12).Select(i => $"feed-{i:D2}").ToArray();

        await Task.WhenAll(ids.Select(id =>
            fixture.Grains.GetGrain<IDataSourceGrain>(id).RegisterAsync(new SourceRegistration(id, SourceFormat.FhirJson, 50))));
        await fixture.Grains.GetGrain<IDataSourceGrain>(ids[0]).RegisterAsync(new SourceRegistration("again", SourceFormat.FhirJson, 50));

        var listed = await fixture.Grains.GetGrain<ISourceDirectoryGrain>(ISourceDirectoryGrain.Key).ListAsync();
        Assert.Equal(ids, listed.Where(id => id.StartsWith("feed-", StringComparison.Ordinal)).ToArray());
    }
}
