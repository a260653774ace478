using Npgsql;
using OrleansHealth.Silo.Persistence;

namespace OrleansHealth.Silo.Tests.Persistence;

/// <summary>The identity claims' PostgreSQL table: the first claim of a key wins, also under concurrency, per service.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresIdentityClaimStoreTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Claim_FirstWins_LaterClaimantsLearnTheHolder_AndFindSeesOnlyClaimedKeys()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        await using var source = NpgsqlDataSource.Create(database);
        var store = new PostgresIdentityClaimStore(source, "service-a");
        var other = new PostgresIdentityClaimStore(source, "service-b");

        var first = await store.ClaimAsync(new Dictionary<string, string> { ["link:a"] = "P1", ["id:x"] = "P1" });
        var second = await store.ClaimAsync(new Dictionary<string, string> { ["link:b"] = "P2", ["id:x"] = "P2" });
        await other.ClaimAsync(new Dictionary<string, string> { ["id:x"] = "Q9" });

        Assert.Equal(new Dictionary<string, string> { ["link:a"] = "P1", ["id:x"] = "P1" }, first);
        Assert.Equal(new Dictionary<string, string> { ["link:b"] = "P2", ["id:x"] = "P1" }, second);
        var found = await store.FindAsync(["link:a", "link:b", "id:x", "id:never"]);
        Assert.Equal(new Dictionary<string, string> { ["link:a"] = "P1", ["link:b"] = "P2", ["id:x"] = "P1" }, found);
        Assert.Equal("Q9", (await other.FindAsync(["id:x"]))["id:x"]);
        Assert.Empty(await store.ClaimAsync(new Dictionary<string, string>()));
        Assert.Empty(await store.FindAsync([]));
    }

    [Fact]
    public async Task ConcurrentClaimsOfTheSameKeys_AllLearnOneHolderPerKey()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        await using var source = NpgsqlDataSource.Create(database);
        var store = new PostgresIdentityClaimStore(source, "service-a");
        var keys = Enumerable.Range(0, 200).Select(i => $"id:{i}").ToList();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(claimant => Task.Run(() =>
            store.ClaimAsync(keys.ToDictionary(k => k, _ => $"P{claimant}")))));

        var stored = await store.FindAsync(keys);
        Assert.Equal(keys.Count, stored.Count);
        Assert.All(answers, answer => Assert.Equal(stored, answer));
    }
}
