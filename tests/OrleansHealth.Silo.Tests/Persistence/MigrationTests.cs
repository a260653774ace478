using Npgsql;
using OrleansHealth.Silo.Hosting;
using OrleansHealth.Silo.Persistence;

namespace OrleansHealth.Silo.Tests.Persistence;

[Collection(PostgresCollection.Name)]
public sealed class MigrationTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Migrate_Twice_LeavesEveryQueryKeyOnce()
    {
        var database = await postgres.Server.CreateDatabaseAsync(migrate: false);

        await SchemaMigrator.MigrateAsync(database);
        await SchemaMigrator.MigrateAsync(database);

        var keys = await QueryKeysAsync(database);
        Assert.Equal(OrleansQueryKeys.All.Order(StringComparer.Ordinal), keys.Where(OrleansQueryKeys.All.Contains).Order(StringComparer.Ordinal));
        Assert.Equal(keys.Count, keys.Distinct().Count());
        await DatabaseCheck.EnsureReadyAsync(database);
    }

    [Fact]
    public async Task Migrate_Concurrently_BothSucceed()
    {
        var database = await postgres.Server.CreateDatabaseAsync(migrate: false);

        await Task.WhenAll(SchemaMigrator.MigrateAsync(database), SchemaMigrator.MigrateAsync(database));

        await DatabaseCheck.EnsureReadyAsync(database);
    }

    [Fact]
    public async Task DatabaseCheck_QueryKeyMissing_SaysToRunMigrate()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        await ExecuteAsync(database, "DELETE FROM orleansquery WHERE querykey = 'CleanupDefunctSiloEntriesKey'");

        var error = await Assert.ThrowsAsync<StartupConfigurationException>(() => DatabaseCheck.EnsureReadyAsync(database));

        Assert.Equal("ConnectionStrings:Postgres", error.Setting);
        Assert.Contains("first CleanupDefunctSiloEntriesKey", error.Message);
        Assert.Contains("run `migrate`", error.Message);
    }

    [Fact]
    public async Task DatabaseCheck_NeverMigrated_SaysToRunMigrate()
    {
        var database = await postgres.Server.CreateDatabaseAsync(migrate: false);

        var error = await Assert.ThrowsAsync<StartupConfigurationException>(() => DatabaseCheck.EnsureReadyAsync(database));

        Assert.Contains($"{OrleansQueryKeys.All.Count()} Orleans queries missing", error.Message);
        Assert.Contains("run `migrate`", error.Message);
    }

    [Fact]
    public async Task DatabaseCheck_NothingListening_NamesTheConnectionStringWithoutThePassword()
    {
        var unreachable = $"Host=127.0.0.1;Port={FreePort.Next()};Username=postgres;Password=s3cret-value;Database=x;Timeout=2";

        var error = await Assert.ThrowsAsync<StartupConfigurationException>(() => DatabaseCheck.EnsureReadyAsync(unreachable));

        Assert.Equal("ConnectionStrings:Postgres", error.Setting);
        Assert.StartsWith("cannot connect to PostgreSQL at 127.0.0.1:", error.Message);
        Assert.DoesNotContain("s3cret-value", error.ToOneLine());
    }

    private static async Task<List<string>> QueryKeysAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT querykey FROM orleansquery", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var keys = new List<string>();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
