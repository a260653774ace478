using Microsoft.Extensions.Logging;
using OrleansHealth.Learning;
using OrleansHealth.Learning.Features;
using OrleansHealth.Learning.Training;

namespace OrleansHealth.Grains.Learning;

/// <summary>The registry of one model: definition, version list, active version. Training itself runs in the version grains.</summary>
public sealed partial class ModelGrain(
    [PersistentState("model", GrainStores.Main)] IPersistentState<ModelState> state,
    ILogger<ModelGrain> logger) : Grain, IModelGrain
{
    /// <summary>
    /// A model defined before the model directory existed joins it when it is next used (the directory writes only
    /// for a new name). Off the activation path, in an interleaving one-shot timer: predictors must get their answer
    /// from this grain at once even while the directory is slow or away.
    /// </summary>
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Definition is not null)
        {
            this.RegisterGrainTimer(JoinDirectoryAsync, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan) { Interleave = true });
        }

        return Task.CompletedTask;
    }

    private async Task JoinDirectoryAsync(CancellationToken cancellationToken)
    {
        try
        {
            await GrainFactory.GetGrain<IModelDirectoryGrain>(IModelDirectoryGrain.Key).AddAsync(this.GetPrimaryKeyString());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogDirectoryUnavailable(logger, this.GetPrimaryKeyString(), ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model {Model} could not be added to the model directory ({Error}); it is listed once it is defined or activated again")]
    private static partial void LogDirectoryUnavailable(ILogger logger, string model, string error);

    public async Task<IReadOnlyList<string>> DefineAsync(ModelDefinition definition)
    {
        var problems = ModelDefinitionValidator.Validate(definition);
        if (problems.Count > 0)
        {
            return problems;
        }

        state.State.Definition = definition;
        state.State.Revision++;
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IModelDirectoryGrain>(IModelDirectoryGrain.Key).AddAsync(this.GetPrimaryKeyString());
        return [];
    }

    public Task<ModelDetails?> GetAsync() => Task.FromResult(state.State.Definition is { } definition
        ? new ModelDetails(this.GetPrimaryKeyString(), definition, state.State.Revision, [.. state.State.Versions.Values], state.State.Active)
        : null);

    public async Task<TrainOutcome> TrainAsync(TrainingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (state.State.Definition is not { } definition)
        {
            return new TrainOutcome(null, [$"The model '{this.GetPrimaryKeyString()}' is not defined; PUT /api/models/{this.GetPrimaryKeyString()} first."]);
        }

        var problems = TrainingRequests.Validate(request);
        if (problems.Count > 0)
        {
            return new TrainOutcome(null, problems);
        }

        // The number is taken only when the version starts, so a refused request leaves no gap or empty version.
        var number = state.State.NextVersion;
        var version = GrainFactory.GetGrain<IModelVersionGrain>(ShardKeys.Version(this.GetPrimaryKeyString(), number));
        problems = await version.StartAsync(new VersionSpec(this.GetPrimaryKeyString(), number, definition, request));
        if (problems.Count > 0)
        {
            return new TrainOutcome(null, problems);
        }

        var status = await version.GetStatusAsync();
        state.State.NextVersion = number + 1;
        state.State.Versions[number] = new VersionSummary(number, status?.State ?? VersionState.Training, status?.CreatedAt ?? DateTimeOffset.UtcNow, null, null);
        await state.WriteStateAsync();
        return new TrainOutcome(number, []);
    }

    public async Task<IReadOnlyList<string>> PromoteAsync(int version)
    {
        if (!state.State.Versions.ContainsKey(version))
        {
            return [$"The model '{this.GetPrimaryKeyString()}' has no version {version}."];
        }

        var status = await GrainFactory.GetGrain<IModelVersionGrain>(ShardKeys.Version(this.GetPrimaryKeyString(), version)).GetStatusAsync();
        if (status?.State != VersionState.Completed)
        {
            return [$"Version {version} is {status?.State.ToString().ToLowerInvariant() ?? "unknown"}; only a completed version can be promoted."];
        }

        state.State.Active = version;
        await state.WriteStateAsync();
        return [];
    }

    public Task<int?> GetActiveVersionAsync() => Task.FromResult(state.State.Active);

    public async Task VersionChangedAsync(VersionSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        state.State.Versions[summary.Version] = summary;
        await state.WriteStateAsync();
    }
}
