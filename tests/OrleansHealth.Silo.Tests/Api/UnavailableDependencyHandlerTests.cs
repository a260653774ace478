using System.Net.Sockets;
using Npgsql;
using Orleans.Runtime;
using OrleansHealth.Persistence;
using OrleansHealth.Silo.Api;

namespace OrleansHealth.Silo.Tests.Api;

public sealed class UnavailableDependencyHandlerTests
{
    public static TheoryData<Exception, string?> Cases => new()
    {
        { new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01"), "database" },
        { new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused)), "database" },
        { new OrleansException("Error from storage provider during WriteState", new NpgsqlException("Exception while reading from stream", new IOException("broken pipe"))), "database" },
        { new AggregateException(new InvalidOperationException("other"), new SiloUnavailableException("silo left")), "silo serving part of this request" },
        { new TimeoutException("Response did not arrive on time in 00:00:30"), "cluster (a call timed out)" },
        // The database error of a grain on another silo, as DatabaseErrorFilter sends it.
        { new DatabaseException("57P01: terminating connection due to administrator command", "57P01", isOutage: true), "database" },
        { new DatabaseException("23505: duplicate key value", "23505", isOutage: false), null },
        // A constraint violation is a bug or bad data, not an outage: it stays a 500.
        { new PostgresException("duplicate key value", "ERROR", "ERROR", "23505"), null },
        { new InvalidOperationException("a bug"), null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Describe_NamesTheUnavailableDependency_OrNothing(Exception exception, string? expected) =>
        Assert.Equal(expected, UnavailableDependencyHandler.Describe(exception));
}
