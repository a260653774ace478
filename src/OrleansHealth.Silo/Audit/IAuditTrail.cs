namespace OrleansHealth.Silo.Audit;

/// <summary>
/// Durable, append-only storage of <see cref="AuditEvent"/>s: a PostgreSQL table in that mode
/// (<see cref="PostgresAuditTrail"/>), files in the embedded mode (<see cref="FileAuditTrail"/>).
/// </summary>
public interface IAuditTrail
{
    /// <summary>Completes once the events are durable (committed, or flushed to disk); throws when they cannot be.</summary>
    Task AppendAsync(IReadOnlyList<AuditEvent> events, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AuditEvent>> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default);
}
