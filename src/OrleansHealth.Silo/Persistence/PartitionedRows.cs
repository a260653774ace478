using Npgsql;

namespace OrleansHealth.Silo.Persistence;

/// <summary>
/// A table of binary values keyed by (service, partition, key), as the partition grains keep them:
/// a partition is loaded whole on activation, and a write upserts the changed keys in one statement.
/// Table and column names are constants of the stores, never input.
/// </summary>
internal sealed class PartitionedRows(NpgsqlDataSource database, string serviceId, string table, string keyColumn, string valueColumn)
{
    /// <summary>
    /// Runs when a partition grain activates, outside any grain call, so no grain call filter sees its errors:
    /// it makes them portable itself (<see cref="DatabaseErrors.Portable"/>).
    /// </summary>
    public async Task<List<(string Key, byte[] Value)>> LoadAsync(int partition, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadAsync(partition, cancellationToken);
        }
        catch (NpgsqlException ex)
        {
            throw DatabaseErrors.Portable(ex);
        }
    }

    private async Task<List<(string Key, byte[] Value)>> ReadAsync(int partition, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            $"SELECT {keyColumn}, {valueColumn} FROM {table} WHERE service_id = $1 AND partition_index = $2");
        command.Parameters.Add(SqlParameters.Text(serviceId));
        command.Parameters.Add(SqlParameters.Integer(partition));
        var rows = new List<(string, byte[])>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetString(0), reader.GetFieldValue<byte[]>(1)));
        }

        return rows;
    }

    public async Task UpsertAsync(int partition, IReadOnlyList<string> keys, IEnumerable<byte[]> values, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return;
        }

        await using var command = database.CreateCommand(
            $"""
            INSERT INTO {table} (service_id, partition_index, {keyColumn}, {valueColumn})
            SELECT $1, $2, row.k, row.v FROM unnest($3::text[], $4::bytea[]) AS row(k, v)
            ON CONFLICT (service_id, partition_index, {keyColumn})
            DO UPDATE SET {valueColumn} = EXCLUDED.{valueColumn}, updated_at = now()
            """);
        command.Parameters.Add(SqlParameters.Text(serviceId));
        command.Parameters.Add(SqlParameters.Integer(partition));
        command.Parameters.Add(SqlParameters.TextArray(keys));
        command.Parameters.Add(SqlParameters.ByteaArray(values));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
