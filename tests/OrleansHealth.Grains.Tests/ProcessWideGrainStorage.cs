using System.Collections.Concurrent;
using Orleans.Serialization;
using Orleans.Storage;

namespace OrleansHealth.Grains.Tests;

/// <summary>
/// Grain storage shared by every silo of an in-process cluster and outliving any of them, as a
/// database outlives a silo process. Orleans' memory storage keeps state in grains spread over the
/// silos, so killing a silo also loses part of the "database" — not what a silo-loss test is about.
/// State is deep-copied on the way in and out, and etags are checked as a real store would.
/// </summary>
/// <param name="store">The rows, shared by the silos.</param>
/// <param name="copier">This silo's copier (a killed silo's services are disposed, so each silo brings its own).</param>
internal sealed class ProcessWideGrainStorage(ProcessWideGrainStorage.Store store, DeepCopier copier) : IGrainStorage
{
    private ConcurrentDictionary<string, (object State, string ETag)> Rows => store.Rows;

    /// <summary>What outlives the silos.</summary>
    public sealed class Store
    {
        private long _version;

        public ConcurrentDictionary<string, (object State, string ETag)> Rows { get; } = new();

        public string NextETag() => Interlocked.Increment(ref _version).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (Rows.TryGetValue(Key(stateName, grainId), out var row))
        {
            grainState.State = copier.Copy((T)row.State);
            grainState.ETag = row.ETag;
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = Key(stateName, grainId);
        var etag = store.NextETag();
        var copy = copier.Copy(grainState.State)!;
        var written = grainState.ETag is null
            ? Rows.TryAdd(key, (copy, etag))
            : Rows.TryGetValue(key, out var current) && current.ETag == grainState.ETag && Rows.TryUpdate(key, (copy, etag), current);
        if (!written)
        {
            throw new InconsistentStateException($"The stored version of {key} changed.", grainState.ETag ?? "", "?");
        }

        grainState.ETag = etag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        Rows.TryRemove(Key(stateName, grainId), out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private static string Key(string stateName, GrainId grainId) => $"{stateName}/{grainId}";
}
