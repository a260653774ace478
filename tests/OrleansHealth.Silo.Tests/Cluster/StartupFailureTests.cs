using System.Net;
using System.Net.Sockets;

namespace OrleansHealth.Silo.Tests.Cluster;

/// <summary>A misconfigured silo exits non-zero with exactly one line that names the setting to fix.</summary>
[Collection(SiloProcessCollection.Name)]
public sealed class StartupFailureTests(PostgresFixture postgres)
{
    private static readonly TimeSpan ExitDeadline = TimeSpan.FromSeconds(60);

    private static async Task<string> ExpectOneLineFailureAsync(Dictionary<string, string> environment, params string[] arguments)
    {
        await using var silo = SiloProcess.Start(environment, arguments);

        var exitCode = await silo.WaitForExitAsync(ExitDeadline);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(silo.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("error: ", line);
        return line;
    }

    [Fact]
    public async Task UnknownStorage_ExitsNamingStorage()
    {
        var line = await ExpectOneLineFailureAsync(new() { ["Storage"] = "Mongo" });

        Assert.Equal("error: Storage: unknown value 'Mongo'; use 'Memory' (embedded, the default) or 'Postgres'.", line);
    }

    [Fact]
    public async Task PostgresWithoutConnectionString_ExitsNamingTheConnectionString()
    {
        var line = await ExpectOneLineFailureAsync(new() { ["Storage"] = "Postgres" });

        Assert.StartsWith("error: ConnectionStrings:Postgres: Storage=Postgres needs a connection string", line);
    }

    [Fact]
    public async Task UnreachableDatabase_ExitsNamingTheConnectionString()
    {
        var line = await ExpectOneLineFailureAsync(new()
        {
            ["Storage"] = "Postgres",
            ["ConnectionStrings__Postgres"] = $"Host=127.0.0.1;Port={FreePort.Next()};Username=postgres;Password=hunter2;Timeout=2",
        });

        Assert.StartsWith("error: ConnectionStrings:Postgres: cannot connect to PostgreSQL at 127.0.0.1:", line);
        Assert.DoesNotContain("hunter2", line);
    }

    [Fact]
    public async Task PostgresWithoutCredentials_RefusesToStart()
    {
        var line = await ExpectOneLineFailureAsync(new()
        {
            ["Storage"] = "Postgres",
            ["ConnectionStrings__Postgres"] = await postgres.Server.CreateDatabaseAsync(),
            ["Auth__SigningKey"] = "",
        });

        Assert.StartsWith("error: Auth:SigningKey: the silo refuses to serve patient data without authentication", line);
    }

    [Fact]
    public async Task ShortSigningKey_ExitsNamingIt_WithoutPrintingIt()
    {
        var line = await ExpectOneLineFailureAsync(new() { ["Auth__SigningKey"] = "tiny-secret" });

        Assert.StartsWith("error: Auth:SigningKey: the key is too short", line);
        Assert.DoesNotContain("tiny-secret", line);
    }

    [Fact]
    public async Task PostgresWithoutPseudonymKey_RefusesToStart()
    {
        var line = await ExpectOneLineFailureAsync(new()
        {
            ["Storage"] = "Postgres",
            ["ConnectionStrings__Postgres"] = await postgres.Server.CreateDatabaseAsync(),
            ["Privacy__PseudonymKey"] = "",
        });

        Assert.StartsWith("error: Privacy:PseudonymKey: set Privacy__PseudonymKey", line);
    }

    [Fact]
    public async Task ShortPseudonymKey_ExitsNamingIt_WithoutPrintingIt()
    {
        var line = await ExpectOneLineFailureAsync(new() { ["Privacy__PseudonymKey"] = "tiny-pseudonym" });

        Assert.StartsWith("error: Privacy:PseudonymKey: the key is too short", line);
        Assert.DoesNotContain("tiny-pseudonym", line);
    }

    [Fact]
    public async Task UnmigratedDatabase_ExitsSayingToRunMigrate()
    {
        var database = await postgres.Server.CreateDatabaseAsync(migrate: false);

        var line = await ExpectOneLineFailureAsync(new() { ["Storage"] = "Postgres", ["ConnectionStrings__Postgres"] = database });

        Assert.Contains("run `migrate`", line);
    }

    [Fact]
    public async Task HttpPortInUse_ExitsNamingHttpPort()
    {
        using var holder = new TcpListener(IPAddress.Any, 0);
        holder.Start();
        var taken = ((IPEndPoint)holder.LocalEndpoint).Port;

        var line = await ExpectOneLineFailureAsync(new() { ["Http__Port"] = taken.ToString() });

        Assert.Equal($"error: Http:Port: port {taken} is already in use or not allowed; choose another port.", line);
    }

    [Fact]
    public async Task MigrateCommand_RunTwice_SucceedsBothTimes()
    {
        var database = await postgres.Server.CreateDatabaseAsync(migrate: false);
        var environment = new Dictionary<string, string> { ["ConnectionStrings__Postgres"] = database };

        for (var run = 0; run < 2; run++)
        {
            await using var migrate = SiloProcess.Start(environment, "migrate");
            Assert.Equal(0, await migrate.WaitForExitAsync(ExitDeadline));
            Assert.StartsWith("migrate: applied ", migrate.Output);
        }
    }
}
