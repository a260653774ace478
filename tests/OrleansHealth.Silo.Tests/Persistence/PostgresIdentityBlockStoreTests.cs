using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Serialization;
using OrleansHealth.Clinical.Model;
using OrleansHealth.Identity;
using OrleansHealth.Silo.Persistence;

namespace OrleansHealth.Silo.Tests.Persistence;

/// <summary>The identity blocks' PostgreSQL table: one row per block, replaced on change, separated by partition and service.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresIdentityBlockStoreTests(PostgresFixture postgres)
{
    private static readonly Serializer Serializer = new ServiceCollection().AddSerializer(s => s.AddAssembly(typeof(IdentityCandidate).Assembly))
        .BuildServiceProvider().GetRequiredService<Serializer>();

    [Fact]
    public async Task Save_ReplacesTheChangedBlocks_AndLoadReturnsThatPartitionOfThatService()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        await using var source = NpgsqlDataSource.Create(database);
        var store = new PostgresIdentityBlockStore(source, Serializer, "service-a");
        var other = new PostgresIdentityBlockStore(source, Serializer, "service-b");

        await store.SaveAsync(7, new Dictionary<string, IReadOnlyList<IdentityCandidate>> { ["b1"] = [Candidate("P1", "Okafor")], ["b2"] = [Candidate("P2", "Lind")] });
        await store.SaveAsync(7, new Dictionary<string, IReadOnlyList<IdentityCandidate>> { ["b2"] = [Candidate("P2", "Lind"), Candidate("P3", "Lindqvist")] });
        await store.SaveAsync(8, new Dictionary<string, IReadOnlyList<IdentityCandidate>> { ["b9"] = [Candidate("P9", "Ng")] });
        await other.SaveAsync(7, new Dictionary<string, IReadOnlyList<IdentityCandidate>> { ["b1"] = [Candidate("Q1", "Other")] });
        await store.SaveAsync(7, new Dictionary<string, IReadOnlyList<IdentityCandidate>>());

        var blocks = await store.LoadAsync(7);
        Assert.Equal(["b1", "b2"], blocks.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["P2", "P3"], blocks["b2"].Select(c => c.PatientId));
        Assert.Equal("Lindqvist", blocks["b2"][1].Demographics.FamilyName);
        Assert.Equal(new DateOnly(1958, 3, 27), blocks["b2"][1].Demographics.BirthDate);
        Assert.Single(await store.LoadAsync(8));
        Assert.Empty(await store.LoadAsync(9));
        Assert.Equal("Q1", (await other.LoadAsync(7))["b1"].Single().PatientId);
    }

    private static IdentityCandidate Candidate(string patientId, string family) =>
        new(patientId, new Demographics([], family, ["Astrid"], new DateOnly(1958, 3, 27), AdministrativeSex.Female, null, null, null, "55401", null, null));
}
