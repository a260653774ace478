using System.Collections.Concurrent;
using System.Diagnostics;
using OrleansHealth.TestSupport.Load;
using Xunit.Abstractions;

namespace OrleansHealth.Silo.Tests.Cluster;

/// <summary>
/// <c>deploy/local/cluster.sh restart</c> on a three-silo cluster while feeds ingest: every acknowledged record is in
/// its patient's profile exactly once, and no request failed twice (each failure is retried once on another silo).
/// </summary>
[Collection(SiloProcessCollection.Name)]
public sealed class RollingRestartTests(ITestOutputHelper output)
{
    private const int Silos = 3;
    private const int Feeders = 3;
    private const int BatchLines = 10;

    /// <summary>Steady traffic rather than throughput: on two cores, saturating feeders would mostly slow the restarting silos down.</summary>
    private static readonly TimeSpan FeederPause = TimeSpan.FromMilliseconds(200);
    private const string Source = "rolling-feed";
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task RollingRestart_WhileFeedsIngest_LosesNoAcknowledgedRecord_AndNoRequestFailsTwice()
    {
        var state = Path.Combine(Path.GetTempPath(), $"ohealth-rolling-{Guid.NewGuid():N}");
        var script = Path.Combine(RepositoryPaths.Root, "deploy", "local", "cluster.sh");
        var environment = new Dictionary<string, string>
        {
            ["OHEALTH_CLUSTER_DIR"] = state,
            ["OHEALTH_SILO_DLL"] = RepositoryPaths.SiloAssembly,
            ["OHEALTH_HTTP_BASE"] = FreePort.Next().ToString(),
            // Silo settings pass through the script: a short drain keeps the test short.
            ["Shutdown__DrainDelaySeconds"] = "2",
            ["Logging__LogLevel__Default"] = "Warning",
            // The drain and the silos' own retries of grain calls, for the output.
            ["Logging__LogLevel__OrleansHealth.Silo.Shutdown"] = "Information",
            ["Auth__SigningKey"] = TestAuth.SigningKey,
        };
        var silos = new List<HttpClient>();
        using var restarted = new CancellationTokenSource();
        try
        {
            var clock = Stopwatch.StartNew();
            await ProcessRunner.RunAsync("bash", [script, "up", Silos.ToString()], ScriptTimeout, environment);
            var upTook = clock.Elapsed;
            silos.AddRange(Enumerable.Range(1, Silos).Select(i => TestAuth.Client(
                new Uri($"http://127.0.0.1:{File.ReadAllText(Path.Combine(state, $"silo-{i}.http")).Trim()}"), TimeSpan.FromSeconds(60))));
            using (var registered = await silos[0].PutAsJsonAsync($"/api/sources/{Source}", new { name = Source, format = "fhir-ndjson", trustRank = 50 }))
            {
                registered.EnsureSuccessStatusCode();
            }

            var waiting = new ConcurrentQueue<PatientFeed>(PatientFeed.Generate(patients: 400, seed: 11));
            var feeders = Enumerable.Range(0, Feeders).Select(f => new Feeder(silos, Source, firstSilo: f, BatchLines, FeederPause)).ToList();
            var feeding = feeders.Select(f => Task.Run(() => f.RunAsync(waiting, restarted.Token))).ToList();
            clock.Restart();
            var restart = await ProcessRunner.RunAsync("bash", [script, "restart"], ScriptTimeout, environment);
            var restartTook = clock.Elapsed;
            var leftAtTheEnd = waiting.Count;
            await restarted.CancelAsync();
            await Task.WhenAll(feeding);

            clock.Restart();
            var sent = feeders.SelectMany(f => f.Sent).ToList();
            var mismatches = new ConcurrentBag<string>();
            await Parallel.ForEachAsync(sent.Select((patient, i) => (patient, silo: silos[i % Silos])), new ParallelOptions { MaxDegreeOfParallelism = 4 },
                async (item, _) =>
                {
                    if (ProfileRecords.Mismatch(item.patient.LocalId, item.patient.RecordIds, await ProfileRecords.ReadAsync(item.silo, null, Source, item.patient.LocalId)) is { } mismatch)
                    {
                        mismatches.Add(mismatch);
                    }
                });

            var checkTook = clock.Elapsed;
            var failedOnce = feeders.SelectMany(f => f.FailedOnce).ToList();
            var logs = Enumerable.Range(1, Silos).Select(i => File.ReadAllText(Path.Combine(state, $"silo-{i}.log"))).ToList();
            output.WriteLine($"up took {upTook.TotalSeconds:0} s, restart {restartTook.TotalSeconds:0} s, reading the profiles {checkTook.TotalSeconds:0} s");
            output.WriteLine($"{feeders.Sum(f => f.Requests)} requests for {sent.Count} patients, " +
                $"{failedOnce.Count} retried once, for example:{string.Concat(failedOnce.Distinct().Take(5).Select(f => $"\n  {f}"))}");
            output.WriteLine($"grain calls the silos retried themselves: {logs.Sum(log => log.Split("while the cluster changes; retry").Length - 1)}");
            output.WriteLine(restart);
            output.WriteLine($"the silos' warnings and errors:{string.Concat(logs.SelectMany(Problems).Select(p => $"\n  {p}"))}");
            Assert.All(Enumerable.Range(1, Silos), i => Assert.Contains($"silo-{i}: back; all {Silos} silos Active again", restart));
            Assert.True(leftAtTheEnd > 0, "the feeders ran out of patients before the restart ended; generate more");
            Assert.Empty(feeders.SelectMany(f => f.FailedTwice));
            Assert.Empty(mismatches);
            Assert.All(logs, log => Assert.DoesNotContain("non-graceful", log, StringComparison.Ordinal));
        }
        finally
        {
            // Stops the feeders too when the test failed before the restart ended.
            await restarted.CancelAsync();
            silos.ForEach(s => s.Dispose());
            await ProcessRunner.RunAsync("bash", [script, "down"], ScriptTimeout, environment);
        }
    }

    /// <summary>The first line of each warning or error a silo logged (its console log: a level line, then the message).</summary>
    private static IEnumerable<string> Problems(string log)
    {
        var lines = log.Split('\n');
        return lines
            .Select((line, i) => (line, i))
            .Where(l => (l.line.StartsWith("warn:", StringComparison.Ordinal) || l.line.StartsWith("fail:", StringComparison.Ordinal)) && l.i + 1 < lines.Length)
            .Select(l => $"{l.line[..4]} {lines[l.i + 1].Trim()}")
            .Distinct();
    }
}
