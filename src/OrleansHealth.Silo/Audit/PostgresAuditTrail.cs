using Npgsql;
using NpgsqlTypes;
using OrleansHealth.Silo.Persistence;

namespace OrleansHealth.Silo.Audit;

/// <summary>
/// The PostgreSQL mode's trail, in <c>oh_audit_events</c> (deploy/sql/070-audit-events.sql), whose trigger
/// refuses UPDATE, DELETE and TRUNCATE. Concurrent events share one multi-row INSERT; an event counts as
/// written when its INSERT has committed.
/// </summary>
public sealed class PostgresAuditTrail : IAuditTrail
{
    public const string Table = "oh_audit_events";

    private const string Columns = "id, at, actor, roles, action, patient_id, object, outcome, status, client, trace_id";

    private readonly NpgsqlDataSource database;
    private readonly string serviceId;
    private readonly GroupWriter<AuditEvent> writer;

    public PostgresAuditTrail(NpgsqlDataSource database, string serviceId)
    {
        this.database = database;
        this.serviceId = serviceId;
        writer = new GroupWriter<AuditEvent>(InsertAsync);
    }

    public Task AppendAsync(IReadOnlyList<AuditEvent> events, CancellationToken cancellationToken = default) => writer.WriteAsync(events);

    public async Task<IReadOnlyList<AuditEvent>> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand(
            $"""
            SELECT {Columns} FROM {Table}
            WHERE service_id = $1
              AND ($2::text IS NULL OR patient_id = $2)
              AND ($3::text IS NULL OR actor = $3)
              AND ($4::text IS NULL OR action = $4)
              AND ($5::timestamptz IS NULL OR at >= $5)
              AND ($6::timestamptz IS NULL OR at < $6)
            ORDER BY at DESC, id DESC
            LIMIT $7
            """);
        command.Parameters.Add(SqlParameters.Text(serviceId));
        command.Parameters.Add(NullableText(query.PatientId));
        command.Parameters.Add(NullableText(query.Actor));
        command.Parameters.Add(NullableText(query.Action));
        command.Parameters.Add(NullableTime(query.From));
        command.Parameters.Add(NullableTime(query.To));
        command.Parameters.Add(SqlParameters.Integer(query.Limit));

        var found = new List<AuditEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(new AuditEvent(
                reader.GetGuid(0),
                new DateTimeOffset(reader.GetDateTime(1), TimeSpan.Zero),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.GetString(7),
                reader.GetInt32(8),
                reader.IsDBNull(9) ? null : reader.GetString(9),
                reader.IsDBNull(10) ? null : reader.GetString(10)));
        }

        return found;
    }

    private async Task InsertAsync(IReadOnlyList<AuditEvent> events, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            $"""
            INSERT INTO {Table} (service_id, {Columns})
            SELECT $1, * FROM unnest($2::uuid[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::text[],
                                     $8::text[], $9::text[], $10::integer[], $11::text[], $12::text[])
            """);
        command.Parameters.Add(SqlParameters.Text(serviceId));
        command.Parameters.Add(SqlParameters.UuidArray(events.Select(e => e.Id)));
        command.Parameters.Add(SqlParameters.TimestampArray(events.Select(e => e.At)));
        command.Parameters.Add(SqlParameters.TextArray(events.Select(e => e.Actor)));
        command.Parameters.Add(SqlParameters.TextArray(events.Select(e => e.Roles)));
        command.Parameters.Add(SqlParameters.TextArray(events.Select(e => e.Action)));
        command.Parameters.Add(SqlParameters.NullableTextArray(events.Select(e => e.PatientId)));
        command.Parameters.Add(SqlParameters.NullableTextArray(events.Select(e => e.Object)));
        command.Parameters.Add(SqlParameters.TextArray(events.Select(e => e.Outcome)));
        command.Parameters.Add(SqlParameters.IntegerArray(events.Select(e => e.Status)));
        command.Parameters.Add(SqlParameters.NullableTextArray(events.Select(e => e.Client)));
        command.Parameters.Add(SqlParameters.NullableTextArray(events.Select(e => e.TraceId)));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlParameter NullableText(string? value) =>
        new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };

    private static NpgsqlParameter NullableTime(DateTimeOffset? value) =>
        new() { Value = (object?)value?.UtcDateTime ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz };
}
