using Npgsql;
using OrleansHealth.Silo.Persistence;

namespace OrleansHealth.TestSupport;

/// <summary>
/// A real, throwaway PostgreSQL server: the system's binaries, a temporary data directory, a free port,
/// fsync off. When the tests run as root it runs as the <c>postgres</c> user, as PostgreSQL requires.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string ServiceUser = "postgres";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    private readonly string _binDirectory;
    private readonly string _root;
    private int _databases;

    private PostgresServer(string binDirectory, string root, int port)
    {
        _binDirectory = binDirectory;
        _root = root;
        Port = port;
    }

    public int Port { get; }

    public string DataDirectory => Path.Combine(_root, "data");

    public string ConnectionString(string database = "postgres") =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = ServiceUser,
            Database = database,
        }.ConnectionString;

    public static async Task<PostgresServer> StartAsync()
    {
        var bin = FindBinDirectory();
        var root = Directory.CreateTempSubdirectory("ohealth-pg-").FullName;
        var server = new PostgresServer(bin, root, FreePort.Next());
        try
        {
            if (Environment.IsPrivilegedProcess)
            {
                await ProcessRunner.RunAsync("chown", [$"{ServiceUser}:{ServiceUser}", root], CommandTimeout);
            }

            await server.RunAsync("initdb", "-D", server.DataDirectory, "-U", ServiceUser, "-A", "trust", "-E", "UTF8", "--no-sync", "--no-instructions");
            await server.StartServerAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the server (fast shutdown: open connections are dropped), as an outage would.</summary>
    public async Task StopAsync() => await RunAsync("pg_ctl", "-D", DataDirectory, "-m", "fast", "-w", "stop");

    /// <summary>Starts the stopped server again on the same port and data.</summary>
    public Task RestartAsync() => StartServerAsync();

    private async Task StartServerAsync() =>
        await RunAsync("pg_ctl", "-D", DataDirectory, "-l", Path.Combine(_root, "server.log"), "-w", "-t", "60",
            "-o", $"-p {Port} -k {_root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
            "start");

    /// <summary>Creates a fresh database on this server; with <paramref name="migrate"/> the project's schema is applied.</summary>
    public async Task<string> CreateDatabaseAsync(bool migrate = true)
    {
        var name = $"ohealth_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}"[..30];
        await using (var connection = new NpgsqlConnection(ConnectionString()))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        var connectionString = ConnectionString(name);
        if (migrate)
        {
            await SchemaMigrator.MigrateAsync(connectionString);
        }

        return connectionString;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
            {
                await RunAsync("pg_ctl", "-D", DataDirectory, "-m", "immediate", "-w", "stop");
            }
        }
        finally
        {
            try
            {
                Directory.Delete(_root, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless; a test failure for it would not be.
            }
        }
    }

    private Task<string> RunAsync(string tool, params string[] arguments)
    {
        var executable = Path.Combine(_binDirectory, tool);
        return Environment.IsPrivilegedProcess
            ? ProcessRunner.RunAsync("runuser", ["-u", ServiceUser, "--", executable, .. arguments], CommandTimeout)
            : ProcessRunner.RunAsync(executable, arguments, CommandTimeout);
    }

    private static string FindBinDirectory()
    {
        var configured = Environment.GetEnvironmentVariable("OHEALTH_PG_BIN");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return installed
            ?? throw new InvalidOperationException("PostgreSQL server binaries not found: install postgresql or set OHEALTH_PG_BIN.");
    }
}
