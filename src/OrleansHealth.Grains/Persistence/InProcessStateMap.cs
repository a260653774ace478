using System.Collections.Concurrent;
using System.Globalization;

namespace OrleansHealth.Grains.Persistence;

/// <summary>
/// Where <see cref="InProcessGrainStorage"/> keeps its snapshots. Separate from the storage so the
/// silos of one process (a test cluster) can share it, as silos share one database.
/// </summary>
public sealed class InProcessStateMap
{
    private long lastETag;

    internal ConcurrentDictionary<(string State, GrainId Grain), StateSnapshot> Snapshots { get; } = new();

    /// <summary>Number of stored states.</summary>
    public int Count => Snapshots.Count;

    internal string NextETag() => Interlocked.Increment(ref lastETag).ToString(CultureInfo.InvariantCulture);
}

internal sealed record StateSnapshot(object State, string ETag);
