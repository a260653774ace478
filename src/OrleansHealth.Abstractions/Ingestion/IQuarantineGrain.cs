namespace OrleansHealth.Ingestion;

/// <summary>A source's quarantine: every record it sent that was rejected, with reason and raw text.</summary>
public interface IQuarantineGrain : IGrainWithStringKey
{
    /// <summary>Stores the items durably before returning.</summary>
    Task AddAsync(IReadOnlyList<QuarantineItem> items);

    /// <summary>Newest first, <paramref name="skip"/> and <paramref name="take"/> for paging.</summary>
    Task<QuarantinePage> ListAsync(int skip, int take);
}
