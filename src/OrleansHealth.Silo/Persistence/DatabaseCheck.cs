using Npgsql;
using OrleansHealth.Silo.Hosting;

namespace OrleansHealth.Silo.Persistence;

/// <summary>
/// Before the silo starts in the PostgreSQL mode: is the server reachable, and has <c>migrate</c>
/// been applied? Both failures become one line naming what to fix.
/// </summary>
public static class DatabaseCheck
{
    public static async Task EnsureReadyAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!builder.ContainsKey("Timeout"))
        {
            builder.Timeout = 5;
        }

        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            throw new StartupConfigurationException(HostSettings.ConnectionStringKey,
                $"cannot connect to PostgreSQL at {Describe(builder)}: {FirstLine(ex.Message)}", ex);
        }

        var present = await ReadQueryKeysAsync(connection, cancellationToken);
        var missing = OrleansQueryKeys.All.Where(k => !present.Contains(k)).ToList();
        if (missing.Count > 0)
        {
            throw new StartupConfigurationException(HostSettings.ConnectionStringKey,
                $"the database {Describe(builder)} lacks the OrleansHealth schema ({missing.Count} Orleans queries missing, " +
                $"first {missing[0]}); run `migrate` first (dotnet run --project src/OrleansHealth.Silo -- migrate).");
        }

        foreach (var table in OwnTables)
        {
            if (!await TableExistsAsync(connection, table, cancellationToken))
            {
                throw new StartupConfigurationException(HostSettings.ConnectionStringKey,
                    $"the database {Describe(builder)} lacks the table {table} (added by a later schema script); " +
                    "run `migrate` first (dotnet run --project src/OrleansHealth.Silo -- migrate).");
            }
        }
    }

    /// <summary>Tables of OrleansHealth's own stores (deploy/sql/040 to 070), which are not Orleans queries.</summary>
    public static IReadOnlyList<string> OwnTables { get; } = ["oh_feature_rows", "oh_identity_claims", "oh_identity_blocks", "oh_audit_events"];

    private static async Task<bool> TableExistsAsync(NpgsqlConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT to_regclass($1) IS NOT NULL", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = table });
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    private static async Task<HashSet<string>> ReadQueryKeysAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand(
            "SELECT querykey FROM orleansquery", connection);
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                keys.Add(reader.GetString(0));
            }
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            // No table at all: every key is missing, which the caller reports.
        }

        return keys;
    }

    public static string Describe(NpgsqlConnectionStringBuilder builder) =>
        $"{builder.Host}:{builder.Port}/{builder.Database ?? builder.Username}";

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
