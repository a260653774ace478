using OrleansHealth.Identity;

namespace OrleansHealth.Grains.Identity;

public sealed class ReviewQueueGrain(
    [PersistentState("reviewqueue", GrainStores.Main)] IPersistentState<ReviewQueueState> state) : Grain, IReviewQueueGrain
{
    public async Task AddAsync(IReadOnlyList<ReviewItem> items)
    {
        // A retried request raises the same items again; one per (record, candidate) is enough.
        var fresh = items.Where(i => !state.State.Items.Any(e => e.RecordId == i.RecordId && e.CandidatePatientId == i.CandidatePatientId)).ToList();
        if (fresh.Count == 0)
        {
            return;
        }

        state.State.Items.AddRange(fresh);
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<ReviewItem>> ListAsync() => Task.FromResult<IReadOnlyList<ReviewItem>>([.. state.State.Items]);
}
