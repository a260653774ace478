using Npgsql;
using NpgsqlTypes;
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
    public async Task<IReadOnlyList<ClinicalTimeline>> LoadAsync(int partition, CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand(
            "SELECT timeline FROM oh_feature_rows WHERE service_id = $1 AND partition_index = $2");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = partition });
        var timelines = new List<ClinicalTimeline>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            timelines.Add(serializer.Deserialize<ClinicalTimeline>(reader.GetFieldValue<byte[]>(0))
                ?? throw new InvalidDataException($"A feature row of partition {partition} holds no timeline."));
        }

        return timelines;
    }

    public async Task UpsertAsync(int partition, IReadOnlyCollection<ClinicalTimeline> timelines, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(timelines);
        if (timelines.Count == 0)
        {
            return;
        }

        await using var command = database.CreateCommand(
            """
            INSERT INTO oh_feature_rows (service_id, partition_index, pseudonym, timeline)
            SELECT $1, $2, row.pseudonym, row.timeline FROM unnest($3::text[], $4::bytea[]) AS row(pseudonym, timeline)
            ON CONFLICT (service_id, partition_index, pseudonym)
            DO UPDATE SET timeline = EXCLUDED.timeline, updated_at = now()
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = partition });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. timelines.Select(t => t.PseudonymousId)], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<byte[][]> { TypedValue = [.. timelines.Select(t => serializer.SerializeToArray(t))], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
