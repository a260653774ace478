using OrleansHealth.Learning;

namespace OrleansHealth.Grains.Tests.Learning;

/// <summary>The model directory behind <c>GET /api/models</c>: a defined model is listed, once, whatever reactivates it.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ModelDirectoryTests(ClusterFixture fixture)
{
    [Fact]
    public async Task ADefinedModel_IsListedOnce_AcrossRedefinitionAndReactivation()
    {
        var directory = fixture.Grains.GetGrain<IModelDirectoryGrain>(IModelDirectoryGrain.Key);
        var model = fixture.Grains.GetGrain<IModelGrain>("directory-listed");
        Assert.Empty(await model.DefineAsync(PimaModel.Definition("directory-source")));
        Assert.Empty(await model.DefineAsync(PimaModel.Definition("directory-source", positive: ["1"])));

        // Every grain deactivated: the model joins the directory again as it comes back, which must not repeat it.
        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        Assert.NotNull(await model.GetAsync());

        Assert.Single(await directory.ListAsync(), name => name == "directory-listed");
    }

    [Fact]
    public async Task AnInvalidDefinition_ListsNothing()
    {
        var model = fixture.Grains.GetGrain<IModelGrain>("directory-refused");
        Assert.NotEmpty(await model.DefineAsync(PimaModel.Definition("directory-source") with { Features = [] }));

        Assert.DoesNotContain("directory-refused", await fixture.Grains.GetGrain<IModelDirectoryGrain>(IModelDirectoryGrain.Key).ListAsync());
    }
}
