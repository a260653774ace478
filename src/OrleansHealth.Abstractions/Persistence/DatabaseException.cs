namespace OrleansHealth.Persistence;

/// <summary>
/// A database error on its way from the silo that met it to the silo that made the call. Orleans cannot
/// serialize Npgsql's exceptions, so without this a grain call that failed on the database reaches its caller
/// as "no codec for Npgsql.NpgsqlException", and the caller cannot tell a database that is down for a moment
/// (answer 503, retry later) from a bug (500). The silos translate at the grain boundary
/// (<c>DatabaseErrorFilter</c>), keeping only what a caller acts on: whether it is an outage and PostgreSQL's
/// error code. The message carries PostgreSQL's text, never the row data of its detail.
/// </summary>
[GenerateSerializer, Alias("oh.DatabaseException")]
public sealed class DatabaseException : Exception
{
    public DatabaseException()
    {
    }

    public DatabaseException(string message, string? sqlState, bool isOutage)
        : base(message)
    {
        SqlState = sqlState;
        IsOutage = isOutage;
    }

    /// <summary>PostgreSQL's error code (for example <c>57P01</c>, the server shutting down), when it answered at all.</summary>
    [Id(0)]
    public string? SqlState { get; private set; }

    /// <summary>The database was unreachable, restarting or out of connections: the same call may succeed later.</summary>
    [Id(1)]
    public bool IsOutage { get; private set; }
}
