using System.Collections.Concurrent;
using OrleansHealth.Identity;

namespace OrleansHealth.Grains.Identity;

/// <summary>The embedded mode's blocks: kept for the life of the process. Candidates are immutable records; the lists are copied.</summary>
public sealed class InMemoryIdentityBlockStore : IIdentityBlockStore
{
    private readonly ConcurrentDictionary<int, ConcurrentDictionary<string, IdentityCandidate[]>> partitions = new();

    public Task<IReadOnlyDictionary<string, IReadOnlyList<IdentityCandidate>>> LoadAsync(int partition, CancellationToken cancellationToken = default)
    {
        var blocks = new Dictionary<string, IReadOnlyList<IdentityCandidate>>(StringComparer.Ordinal);
        if (partitions.TryGetValue(partition, out var stored))
        {
            foreach (var (key, members) in stored)
            {
                blocks[key] = members;
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, IReadOnlyList<IdentityCandidate>>>(blocks);
    }

    public Task SaveAsync(int partition, IReadOnlyDictionary<string, IReadOnlyList<IdentityCandidate>> blocks, CancellationToken cancellationToken = default)
    {
        var stored = partitions.GetOrAdd(partition, _ => new ConcurrentDictionary<string, IdentityCandidate[]>(StringComparer.Ordinal));
        foreach (var (key, members) in blocks)
        {
            stored[key] = [.. members];
        }

        return Task.CompletedTask;
    }
}
