namespace OrleansHealth.Silo.Tests.Cluster;

/// <summary>Silos as separate processes on PostgreSQL clustering, talking over TCP, as in production.</summary>
[Collection(SiloProcessCollection.Name)]
public sealed class MultiProcessClusterTests(PostgresFixture postgres)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task TwoSilos_FormOneCluster_AndTheSurvivorDeclaresAKilledSiloDead()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        var environment = new Dictionary<string, string>
        {
            ["Storage"] = "Postgres",
            ["ConnectionStrings__Postgres"] = database,
            ["Cluster__AdvertisedAddress"] = "127.0.0.1",
            ["Cluster__ClusterId"] = "kill-test",
            // Faster failure detection than production so the test needs seconds, not a minute.
            ["Cluster__Membership__ProbeTimeout"] = "00:00:01",
            ["Cluster__Membership__NumMissedProbesLimit"] = "2",
            ["Cluster__Membership__TableRefreshTimeout"] = "00:00:02",
            ["Logging__LogLevel__Default"] = "Warning",
        };

        await using var survivor = SiloProcess.Start(environment);
        await survivor.WaitUntilReadyAsync(Deadline);
        await using var victim = SiloProcess.Start(environment);
        await victim.WaitUntilReadyAsync(Deadline);

        foreach (var silo in new[] { survivor, victim })
        {
            var statuses = await Eventually.ReturnsAsync(() => SiloStatuses.ReadAsync(silo.Http), s => s.Count(x => x.Status == "Active") == 2,
                Deadline, "both silos to list two active silos");
            Assert.Equal(2, statuses.Count);
        }

        var victimName = (await SiloStatuses.ReadAsync(victim.Http)).Single(s => s.IsSelf).Name;
        victim.Kill();

        var after = await Eventually.ReturnsAsync(() => SiloStatuses.ReadAsync(survivor.Http),
            s => s.Any(x => x.Name == victimName && x.Status == "Dead"), Deadline, "the survivor to declare the killed silo dead");
        Assert.Equal("Active", after.Single(s => s.IsSelf).Status);
    }
}
