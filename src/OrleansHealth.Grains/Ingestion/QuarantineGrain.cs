using OrleansHealth.Ingestion;

namespace OrleansHealth.Grains.Ingestion;

public sealed class QuarantineGrain(
    [PersistentState("quarantine", GrainStores.Main)] IPersistentState<QuarantineState> state) : Grain, IQuarantineGrain
{
    public async Task AddAsync(IReadOnlyList<QuarantineItem> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        state.State.Items.AddRange(items);
        await state.WriteStateAsync();
    }

    public Task<QuarantinePage> ListAsync(int skip, int take)
    {
        var items = state.State.Items;
        var page = Enumerable.Range(0, items.Count).Reverse().Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 0, 1000))
            .Select(i => items[i]).ToList();
        return Task.FromResult(new QuarantinePage(items.Count, page));
    }
}
