namespace OrleansHealth.Identity;

/// <summary>The identity review items raised by one source's records, keyed by source id.</summary>
public interface IReviewQueueGrain : IGrainWithStringKey
{
    Task AddAsync(IReadOnlyList<ReviewItem> items);

    Task<IReadOnlyList<ReviewItem>> ListAsync();
}
