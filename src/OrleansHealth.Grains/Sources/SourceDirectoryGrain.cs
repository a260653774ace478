using OrleansHealth.Sources;

namespace OrleansHealth.Grains.Sources;

public sealed class SourceDirectoryGrain(
    [PersistentState("sourcedirectory", GrainStores.Main)] IPersistentState<SourceDirectoryState> state)
    : Grain, ISourceDirectoryGrain
{
    public async Task AddAsync(string sourceId)
    {
        if (state.State.SourceIds.Add(sourceId))
        {
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<string>> ListAsync() =>
        Task.FromResult<IReadOnlyList<string>>([.. state.State.SourceIds]);
}
