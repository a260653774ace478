namespace OrleansHealth.Learning;

/// <summary>
/// The names of the defined models, so that <c>GET /api/models</c> and the dashboard can enumerate them.
/// Touched only when a model is defined or listed, never per prediction, so one key suffices.
/// </summary>
public interface IModelDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>The single directory key.</summary>
    const long Key = 0;

    Task AddAsync(string model);

    Task<IReadOnlyList<string>> ListAsync();
}
