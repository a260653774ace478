using OrleansHealth.Learning.Training;
using OrleansHealth.Learning.Features;

namespace OrleansHealth.Learning;

/// <summary>
/// The registry of one model (keyed by its name, e.g. <c>diabetes-onset</c>): its definition, its
/// versions and which one is active.
/// </summary>
public interface IModelGrain : IGrainWithStringKey
{
    /// <summary>Stores the definition; returns the problems that stop it (nothing stored then).</summary>
    Task<IReadOnlyList<string>> DefineAsync(ModelDefinition definition);

    /// <summary>The model, or null when it was never defined.</summary>
    Task<ModelDetails?> GetAsync();

    /// <summary>Checks the request and the data, and starts a new version when both allow it.</summary>
    Task<TrainOutcome> TrainAsync(TrainingRequest request);

    /// <summary>Makes a completed version the active one (also to roll back to an older one). Returns the problems, empty on success.</summary>
    Task<IReadOnlyList<string>> PromoteAsync(int version);

    /// <summary>The active version; answered even while a training request holds the model grain (predictors poll it).</summary>
    [Orleans.Concurrency.AlwaysInterleave]
    Task<int?> GetActiveVersionAsync();

    /// <summary>A version reports a change of state (sent by the version itself).</summary>
    Task VersionChangedAsync(VersionSummary summary);
}
