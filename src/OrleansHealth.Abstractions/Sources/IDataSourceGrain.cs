namespace OrleansHealth.Sources;

/// <summary>
/// One upstream feed, keyed by its source id (for example <c>ehr-st-mary</c>). It owns the feed's
/// configuration; it is deliberately not on the per-record path.
/// </summary>
public interface IDataSourceGrain : IGrainWithStringKey
{
    /// <summary>Registers the source or replaces its registration. Returns true when it was new.</summary>
    Task<bool> RegisterAsync(SourceRegistration registration);

    /// <summary>The source's details, or null when it was never registered.</summary>
    Task<SourceDetails?> GetAsync();

    /// <summary>Adds one ingest chunk's counts (sent once per chunk, never per record).</summary>
    Task RecordAsync(OrleansHealth.Clinical.Quality.IngestTally tally);

    /// <summary>Stores a new API key of this feed (its hash). False when the source is not registered.</summary>
    Task<bool> AddKeyAsync(FeedKey key);

    /// <summary>Forgets the key with this id. False when there was none.</summary>
    Task<bool> RevokeKeyAsync(string keyId);

    /// <summary>The id of the key whose hash is <paramref name="hash"/>, or null when no key of this feed has it.</summary>
    Task<string?> FindKeyAsync(string hash);
}
