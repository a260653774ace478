using Npgsql;
using OrleansHealth.Silo.Persistence;

namespace OrleansHealth.Silo.Hosting;

/// <summary><c>OrleansHealth.Silo migrate</c>: applies deploy/sql to the database named by ConnectionStrings:Postgres.</summary>
public static class MigrateCommand
{
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();

        var connectionString = configuration.GetConnectionString("Postgres");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new StartupConfigurationException(HostSettings.ConnectionStringKey,
                "migrate needs a connection string (environment variable ConnectionStrings__Postgres or --ConnectionStrings:Postgres=...).");
        }

        NpgsqlConnectionStringBuilder target;
        try
        {
            target = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw new StartupConfigurationException(HostSettings.ConnectionStringKey, $"not a valid connection string: {ex.Message}");
        }

        IReadOnlyList<string> applied;
        try
        {
            applied = await SchemaMigrator.MigrateAsync(connectionString, cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw new StartupConfigurationException(HostSettings.ConnectionStringKey,
                $"cannot migrate {DatabaseCheck.Describe(target)}: {ex.Message.Split('\n', 2)[0]}", ex);
        }

        Console.Out.WriteLine($"migrate: applied {applied.Count} scripts to {DatabaseCheck.Describe(target)} ({string.Join(", ", applied)})");
        return 0;
    }
}
