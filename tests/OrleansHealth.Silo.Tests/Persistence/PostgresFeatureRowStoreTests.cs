using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Serialization;
using OrleansHealth.Clinical.Model;
using OrleansHealth.Learning.Features;
using OrleansHealth.Silo.Hosting;
using OrleansHealth.Silo.Persistence;

namespace OrleansHealth.Silo.Tests.Persistence;

/// <summary>The feature partitions' PostgreSQL table: one row per patient, replaced on change, separated by service.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresFeatureRowStoreTests(PostgresFixture postgres)
{
    private static readonly Serializer Serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();

    [Fact]
    public async Task Upsert_ReplacesThePatientsRow_AndLoadReturnsOnlyThatPartitionOfThatService()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        await using var source = NpgsqlDataSource.Create(database);
        var store = new PostgresFeatureRowStore(source, Serializer, "service-a");
        var other = new PostgresFeatureRowStore(source, Serializer, "service-b");

        await store.UpsertAsync(3, [Timeline("ps-1", 70), Timeline("ps-2", 80)]);
        await store.UpsertAsync(3, [Timeline("ps-2", 85)]);
        await store.UpsertAsync(4, [Timeline("ps-3", 90)]);
        await other.UpsertAsync(3, [Timeline("ps-1", 10)]);
        await store.UpsertAsync(3, []);

        var rows = (await store.LoadAsync(3)).OrderBy(t => t.PseudonymousId, StringComparer.Ordinal).ToList();
        Assert.Equal(["ps-1", "ps-2"], rows.Select(t => t.PseudonymousId));
        Assert.Equal([70.0, 85.0], rows.Select(t => t.Observations[0].Value!.Value));
        Assert.Equal(new DateOnly(1970, 5, 17), rows[0].BirthDate);
        Assert.Equal(new DateOnly(2026, 1, 2), rows[0].Observations[0].Date);
        Assert.Single(await store.LoadAsync(4));
        Assert.Empty(await store.LoadAsync(5));
        Assert.Equal(10.0, (await other.LoadAsync(3)).Single().Observations[0].Value);
    }

    [Theory]
    [InlineData("oh_feature_rows")]
    [InlineData("oh_identity_claims")]
    [InlineData("oh_identity_blocks")]
    [InlineData("oh_audit_events")]
    public async Task DatabaseCheck_OwnTableMissing_SaysToRunMigrate(string table)
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP TABLE {table}", connection);
            await drop.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<StartupConfigurationException>(() => DatabaseCheck.EnsureReadyAsync(database));

        Assert.Contains(table, error.Message);
        Assert.Contains("run `migrate`", error.Message);
    }

    private static ClinicalTimeline Timeline(string id, double weight) =>
        new(id, new DateOnly(1970, 5, 17), AdministrativeSex.Female,
            [new TimelineObservation("http://loinc.org|29463-7", weight, null, new DateOnly(2026, 1, 2))], []);
}
