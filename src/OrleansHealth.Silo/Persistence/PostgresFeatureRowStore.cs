using Npgsql;
using Orleans.Serialization;
using OrleansHealth.Grains.Learning;
using OrleansHealth.Learning.Features;

namespace OrleansHealth.Silo.Persistence;

/// <summary>
/// The PostgreSQL mode's feature rows, in <c>oh_feature_rows</c> (deploy/sql/040-feature-rows.sql):
/// a write upserts the changed timelines of one partition in a single statement.
/// </summary>
public sealed class PostgresFeatureRowStore(NpgsqlDataSource database, Serializer serializer, string serviceId) : IFeatureRowStore
{
    private readonly PartitionedRows rows = new(database, serviceId, "oh_feature_rows", "pseudonym", "timeline");

    public async Task<IReadOnlyList<ClinicalTimeline>> LoadAsync(int partition, CancellationToken cancellationToken = default) =>
        [
            .. (await rows.LoadAsync(partition, cancellationToken)).Select(row => serializer.Deserialize<ClinicalTimeline>(row.Value)
                ?? throw new InvalidDataException($"A feature row of partition {partition} holds no timeline.")),
        ];

    public Task UpsertAsync(int partition, IReadOnlyCollection<ClinicalTimeline> timelines, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(timelines);
        return rows.UpsertAsync(partition, [.. timelines.Select(t => t.PseudonymousId)], timelines.Select(t => serializer.SerializeToArray(t)), cancellationToken);
    }
}
