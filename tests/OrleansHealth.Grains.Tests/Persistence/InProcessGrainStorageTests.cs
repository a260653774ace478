using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;
using OrleansHealth.Clinical.Profiles;
using OrleansHealth.Grains.Persistence;

namespace OrleansHealth.Grains.Tests.Persistence;

public sealed class InProcessGrainStorageTests
{
    private static readonly DeepCopier Copier = new ServiceCollection().AddSerializer(s => s.AddAssembly(typeof(PatientProfile).Assembly))
        .BuildServiceProvider().GetRequiredService<DeepCopier>();

    private static readonly GrainId Grain = GrainId.Create("patient", "p-1");

    private readonly InProcessStateMap _map = new();

    private InProcessGrainStorage NewStorage() => new(Copier, _map);

    [Fact]
    public async Task Read_OfNothingWritten_SaysNoRecord()
    {
        var state = new GrainState<PatientProfile>(new PatientProfile());

        await NewStorage().ReadStateAsync("patient", Grain, state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
    }

    [Fact]
    public async Task Write_ThenRead_GivesAnIndependentCopy()
    {
        var storage = NewStorage();
        var written = new GrainState<PatientProfile>(new PatientProfile { Version = 3 });
        written.State!.SourceLinks.Add("feed-a|17");
        await storage.WriteStateAsync("patient", Grain, written);

        // The grain goes on changing its state after the write; the stored snapshot must not see it.
        written.State!.SourceLinks.Add("feed-b|99");
        var read = new GrainState<PatientProfile>(new PatientProfile());
        await storage.ReadStateAsync("patient", Grain, read);

        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal(3, read.State!.Version);
        Assert.Equal(["feed-a|17"], read.State!.SourceLinks);
        Assert.NotSame(written.State, read.State);
    }

    [Fact]
    public async Task Write_WithAStaleETag_IsRefusedAndKeepsTheNewerState()
    {
        var first = new GrainState<PatientProfile>(new PatientProfile { Version = 1 });
        await NewStorage().WriteStateAsync("patient", Grain, first);
        var stale = new GrainState<PatientProfile>(new PatientProfile { Version = 1 }) { ETag = first.ETag };
        first.State!.Version = 2;
        await NewStorage().WriteStateAsync("patient", Grain, first);

        stale.State!.Version = 99;
        await Assert.ThrowsAsync<InconsistentStateException>(() => NewStorage().WriteStateAsync("patient", Grain, stale));

        var read = new GrainState<PatientProfile>(new PatientProfile());
        await NewStorage().ReadStateAsync("patient", Grain, read);
        Assert.Equal(2, read.State!.Version);
    }

    [Fact]
    public async Task FirstWrite_WhenAnotherActivationAlreadyWrote_IsRefused()
    {
        await NewStorage().WriteStateAsync("patient", Grain, new GrainState<PatientProfile>(new PatientProfile { Version = 1 }));

        var unaware = new GrainState<PatientProfile>(new PatientProfile { Version = 5 });
        await Assert.ThrowsAsync<InconsistentStateException>(() => NewStorage().WriteStateAsync("patient", Grain, unaware));
    }

    [Fact]
    public async Task Clear_RemovesTheState_AndChecksTheETag()
    {
        var storage = NewStorage();
        var state = new GrainState<PatientProfile>(new PatientProfile { Version = 1 });
        await storage.WriteStateAsync("patient", Grain, state);
        var stale = new GrainState<PatientProfile>(new PatientProfile()) { ETag = "0" };

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("patient", Grain, stale));
        await storage.ClearStateAsync("patient", Grain, state);

        Assert.False(state.RecordExists);
        Assert.Equal(0, _map.Count);
    }

    [Fact]
    public async Task StatesOfDifferentNamesOrGrains_AreKeptApart()
    {
        var storage = NewStorage();
        await storage.WriteStateAsync("patient", Grain, new GrainState<PatientProfile>(new PatientProfile { Version = 1 }));
        await storage.WriteStateAsync("other", Grain, new GrainState<PatientProfile>(new PatientProfile { Version = 2 }));
        await storage.WriteStateAsync("patient", GrainId.Create("patient", "p-2"), new GrainState<PatientProfile>(new PatientProfile { Version = 3 }));

        var read = new GrainState<PatientProfile>(new PatientProfile());
        await storage.ReadStateAsync("patient", Grain, read);

        Assert.Equal(1, read.State!.Version);
        Assert.Equal(3, _map.Count);
    }
}
