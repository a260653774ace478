using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Storage;

namespace OrleansHealth.Grains.Persistence;

/// <summary>
/// Grain state of the embedded mode: snapshots in a map of this process, with the same optimistic
/// concurrency (ETags) as a database. A snapshot is a deep copy made by Orleans' copiers, so the
/// grain's later changes never reach it, and types marked [Immutable] (every fact and its
/// provenance) are shared rather than copied. Orleans' own memory storage serializes the state and
/// keeps it in storage grains: two grain calls and a full serialization per write, which was half of
/// an ingest's CPU.
/// </summary>
public sealed class InProcessGrainStorage(DeepCopier copier, InProcessStateMap map) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (map.Snapshots.TryGetValue((stateName, grainId), out var snapshot))
        {
            grainState.State = copier.Copy((T)snapshot.State);
            grainState.ETag = snapshot.ETag;
            grainState.RecordExists = true;
        }
        else
        {
            grainState.ETag = null;
            grainState.RecordExists = false;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = (stateName, grainId);
        var current = map.Snapshots.TryGetValue(key, out var stored) ? stored : null;
        if (current?.ETag != grainState.ETag)
        {
            throw Conflict(stateName, grainId, current?.ETag, grainState.ETag);
        }

        var written = new StateSnapshot(copier.Copy(grainState.State)!, map.NextETag());
        // Compare-and-swap: of two activations writing at once, exactly one wins.
        if (!(current is null ? map.Snapshots.TryAdd(key, written) : map.Snapshots.TryUpdate(key, written, current)))
        {
            throw Conflict(stateName, grainId, map.Snapshots.TryGetValue(key, out var now) ? now.ETag : null, grainState.ETag);
        }

        grainState.ETag = written.ETag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = (stateName, grainId);
        if (map.Snapshots.TryGetValue(key, out var current))
        {
            if (current.ETag != grainState.ETag || !map.Snapshots.TryRemove(KeyValuePair.Create(key, current)))
            {
                throw Conflict(stateName, grainId, current.ETag, grainState.ETag);
            }
        }
        else if (grainState.ETag is not null)
        {
            throw Conflict(stateName, grainId, null, grainState.ETag);
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    /// <summary>Registers the storage under <paramref name="name"/>; silos given the same map share their state.</summary>
    public static void Register(IServiceCollection services, string name, InProcessStateMap? shared = null)
    {
        if (shared is null)
        {
            services.AddSingleton<InProcessStateMap>();
        }
        else
        {
            services.AddSingleton(shared);
        }

        services.AddGrainStorage(name, (sp, _) => ActivatorUtilities.CreateInstance<InProcessGrainStorage>(sp));
    }

    private static InconsistentStateException Conflict(string stateName, GrainId grainId, string? stored, string? expected) =>
        new($"State '{stateName}' of {grainId} was changed by another activation (stored ETag {stored ?? "none"}, expected {expected ?? "none"}).",
            stored ?? string.Empty, expected ?? string.Empty);
}
