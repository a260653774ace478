namespace OrleansHealth.Sources;

/// <summary>
/// The list of registered source ids, so that <c>GET /api/sources</c> can enumerate them.
/// Touched only when a source is registered or listed, never per record, so one key suffices.
/// </summary>
public interface ISourceDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>The single directory key.</summary>
    const long Key = 0;

    Task AddAsync(string sourceId);

    Task<IReadOnlyList<string>> ListAsync();
}
