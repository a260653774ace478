using Npgsql;
using Orleans.Serialization;
using OrleansHealth.Grains.Identity;
using OrleansHealth.Identity;

namespace OrleansHealth.Silo.Persistence;

/// <summary>
/// The PostgreSQL mode's identity blocks, in <c>oh_identity_blocks</c> (deploy/sql/060-identity-blocks.sql):
/// a save upserts the changed blocks of one partition in a single statement.
/// </summary>
public sealed class PostgresIdentityBlockStore(NpgsqlDataSource database, Serializer serializer, string serviceId) : IIdentityBlockStore
{
    private readonly PartitionedRows rows = new(database, serviceId, "oh_identity_blocks", "block_key", "members");

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<IdentityCandidate>>> LoadAsync(int partition, CancellationToken cancellationToken = default)
    {
        var blocks = new Dictionary<string, IReadOnlyList<IdentityCandidate>>(StringComparer.Ordinal);
        foreach (var (key, members) in await rows.LoadAsync(partition, cancellationToken))
        {
            blocks[key] = serializer.Deserialize<IdentityCandidate[]>(members)
                ?? throw new InvalidDataException($"An identity block of partition {partition} holds no members.");
        }

        return blocks;
    }

    public Task SaveAsync(int partition, IReadOnlyDictionary<string, IReadOnlyList<IdentityCandidate>> blocks, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        return rows.UpsertAsync(partition, [.. blocks.Keys], blocks.Values.Select(members => serializer.SerializeToArray(members.ToArray())), cancellationToken);
    }
}
