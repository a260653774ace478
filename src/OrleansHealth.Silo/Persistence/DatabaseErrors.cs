using System.Net.Sockets;
using Npgsql;
using OrleansHealth.Persistence;
using OrleansHealth.Silo.Api;

namespace OrleansHealth.Silo.Persistence;

/// <summary>Which database errors are outages (worth a retry later), and their portable form for grain calls.</summary>
public static class DatabaseErrors
{
    /// <summary>
    /// True for the server unreachable, shutting down or restarting, or out of connections; false for an error in
    /// what was asked of it (a bug, not something a retry mends).
    /// </summary>
    public static bool IsOutage(NpgsqlException exception) => exception switch
    {
        PostgresException postgres => IsOutageState(postgres.SqlState),
        { InnerException: SocketException or TimeoutException or IOException } => true,
        _ => exception.IsTransient,
    };

    /// <summary><see cref="DatabaseException"/> for <paramref name="exception"/>: what may cross between silos.</summary>
    public static DatabaseException Portable(NpgsqlException exception) =>
        new(exception.Message, (exception as PostgresException)?.SqlState, IsOutage(exception));

    /// <summary>The Npgsql exception behind <paramref name="exception"/>, however Orleans' storage or a task wrapped it.</summary>
    public static NpgsqlException? Find(Exception exception) =>
        UnavailableDependencyHandler.Chain(exception).OfType<NpgsqlException>().FirstOrDefault();

    // Class 08: connection exception; 53: insufficient resources; 57: operator intervention (shutdown, restart).
    private static bool IsOutageState(string sqlState) => sqlState.StartsWith("08", StringComparison.Ordinal)
        || sqlState.StartsWith("53", StringComparison.Ordinal) || sqlState.StartsWith("57", StringComparison.Ordinal);
}
