using OrleansHealth.Identity;

namespace OrleansHealth.Grains.Identity;

/// <summary>
/// Where the block partitions keep their members durably: one row per block, so that a change costs
/// the changed blocks' rows, not the whole partition.
/// </summary>
public interface IIdentityBlockStore
{
    /// <summary>Every block stored for <paramref name="partition"/>, with its members.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<IdentityCandidate>>> LoadAsync(int partition, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces the given blocks of <paramref name="partition"/> in one write.</summary>
    Task SaveAsync(int partition, IReadOnlyDictionary<string, IReadOnlyList<IdentityCandidate>> blocks, CancellationToken cancellationToken = default);
}
