using OrleansHealth.Learning;

namespace OrleansHealth.Grains.Learning;

public sealed class ModelDirectoryGrain(
    [PersistentState("modeldirectory", GrainStores.Main)] IPersistentState<ModelDirectoryState> state)
    : Grain, IModelDirectoryGrain
{
    public async Task AddAsync(string model)
    {
        if (state.State.Models.Add(model))
        {
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<string>> ListAsync() =>
        Task.FromResult<IReadOnlyList<string>>([.. state.State.Models]);
}
