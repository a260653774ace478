using OrleansHealth.TestSupport.Load;

namespace OrleansHealth.Silo.Tests.Cluster;

/// <summary>
/// The 3-silo PostgreSQL cluster of deploy/local/cluster.sh under concurrent feeds and readers, and
/// with a silo killed or PostgreSQL restarted in the middle: short runs of what bench/OrleansHealth.Bench.Cluster runs long.
/// </summary>
[Collection(SiloProcessCollection.Name)]
public sealed class ClusterUnderLoadTests
{
    [Fact]
    public async Task FeedsAndReaders_LoseNothing_AndGetNo5xx()
    {
        await using var cluster = await LocalCluster.UpAsync(3);
        var feeds = Enumerable.Range(1, 8).Select(i => FeedScript.Generate($"load-{i}", patients: 12, seed: 100 + i, linesPerRequest: 25)).ToList();

        var report = await new ClusterLoad(cluster.Silos, feeds, readers: 16).RunAsync(TimeSpan.FromSeconds(40));

        // A 503 (with Retry-After) is the designed answer when a call times out on an overloaded
        // machine, and the retry must then succeed; any other 5xx is a bug. The bench reports both.
        var errors = report.Statuses.Where(s => s.Key >= 500 && s.Key != 503).Sum(s => s.Value);
        Assert.True(errors == 0, $"answers by status: {string.Join(", ", report.Statuses.Select(s => $"{s.Key}×{s.Value}"))}; silo logs:\n{cluster.Logs()}");
        Assert.Equal(0, report.FailedEveryAttempt);
        Assert.Equal(0, report.Lost);
        Assert.Equal(0, report.Duplicated);
        Assert.True(report.Reads > 0, "the readers read nothing");
        Assert.Equal(report.ScriptedRecords, report.AcknowledgedRecords);
    }

    [Fact]
    public async Task KillNine_OfOneSiloWhileThreeFeedsIngest_LosesNoAcknowledgedRecord_AndRetryingFeedsGetEverythingIn()
    {
        await using var cluster = await LocalCluster.UpAsync(3);
        var feeds = Enumerable.Range(1, 3).Select(i => FeedScript.Generate($"kill-{i}", patients: 60, seed: 200 + i, linesPerRequest: 20)).ToList();
        var load = new ClusterLoad(cluster.Silos, feeds, readers: 4, attempts: 20);

        var running = load.RunAsync(TimeSpan.FromMinutes(3));
        await Task.Delay(TimeSpan.FromSeconds(3));
        cluster.Kill(3);
        var report = await running;

        Assert.Equal(0, report.Lost);
        Assert.Equal(0, report.Duplicated);
        Assert.Equal(0, report.FailedEveryAttempt);
        Assert.Equal(report.ScriptedRecords, report.AcknowledgedRecords);
    }

    [Fact]
    public async Task PostgresRestart_UnderLoad_Answers503WithRetryAfter_LosesNothing_AndTheClusterRecoversByItself()
    {
        await using var cluster = await LocalCluster.UpAsync(3);
        var feeds = Enumerable.Range(1, 3).Select(i => FeedScript.Generate($"outage-{i}", patients: 60, seed: 300 + i, linesPerRequest: 20)).ToList();
        // Feeds retry for as long as an outage might last, waiting the Retry-After each 503 asks for.
        var load = new ClusterLoad(cluster.Silos, feeds, readers: 8, attempts: 20);

        var running = load.RunAsync(TimeSpan.FromMinutes(3));
        await Task.Delay(TimeSpan.FromSeconds(5));
        await cluster.StopDatabaseAsync();
        await Task.Delay(TimeSpan.FromSeconds(10));
        await cluster.StartDatabaseAsync();
        var report = await running;

        var answers = string.Join(", ", report.Statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"));
        Assert.True(report.Statuses.GetValueOrDefault(503) > 0, $"the outage went unnoticed ({answers}): the load ended before it");
        Assert.True(report.Statuses.Where(s => s.Key >= 500 && s.Key != 503).Sum(s => s.Value) == 0, $"answers by status: {answers}; silo logs:\n{cluster.Logs()}");
        Assert.Equal(0, report.UnavailableWithoutRetryAfter);
        Assert.Equal(0, report.FailedEveryAttempt);
        Assert.Equal(report.ScriptedRecords, report.AcknowledgedRecords);
        Assert.Equal(0, report.Lost);
        Assert.Equal(0, report.Duplicated);

        // Recovered by itself: every silo still sees all three Active and takes a new record at the first attempt.
        foreach (var silo in cluster.Silos)
        {
            using var http = TestAuth.Client(silo, TimeSpan.FromSeconds(30));
            Assert.Equal(3, (await SiloStatuses.ReadAsync(http)).Count(s => s.Status == "Active"));
            using var sent = await http.PostAsync("/api/sources/outage-1/records",
                new StringContent(feeds[0].Requests[0].Body, System.Text.Encoding.UTF8, "application/fhir+ndjson"));
            Assert.True(sent.IsSuccessStatusCode, $"{silo}: {(int)sent.StatusCode} {await sent.Content.ReadAsStringAsync()}");
        }
    }
}
