using System.Diagnostics;
using System.Net;
using System.Text.Json;
using OrleansHealth.TestSupport.Load;
using Xunit.Abstractions;

namespace OrleansHealth.Silo.Tests.Cluster;

/// <summary>
/// SIGTERM to a silo of a two-silo PostgreSQL cluster while it serves an ingest: it turns not-ready, drains,
/// finishes the request before its Orleans silo stops, exits 0 and leaves the membership table at once.
/// </summary>
[Collection(SiloProcessCollection.Name)]
public sealed class GracefulShutdownTests(PostgresFixture postgres, ITestOutputHelper output)
{
    private const int DrainDelaySeconds = 2;

    /// <summary>Generous, so that in-flight requests get 40 s (two thirds) on a machine busy with other work.</summary>
    private const int ShutdownTimeoutSeconds = 60;

    private const string Source = "drain-feed";
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(120);

    /// <summary>
    /// A silo that leaves gracefully writes itself Dead and tells its peers before it exits; one that vanished is
    /// declared dead only after missed probes, at least 3 × 5 s with Orleans' default membership settings used here.
    /// </summary>
    private static readonly TimeSpan Promptly = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task SigtermDuringAnIngest_TurnsNotReady_FinishesTheRequest_ExitsZero_AndLeavesTheClusterAtOnce()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        var environment = new Dictionary<string, string>
        {
            ["Storage"] = "Postgres",
            ["ConnectionStrings__Postgres"] = database,
            ["Cluster__AdvertisedAddress"] = "127.0.0.1",
            ["Cluster__ClusterId"] = "drain-test",
            ["Shutdown__DrainDelaySeconds"] = DrainDelaySeconds.ToString(),
            ["shutdownTimeoutSeconds"] = ShutdownTimeoutSeconds.ToString(),
            ["Logging__LogLevel__Default"] = "Warning",
            // The drain's own lines (signal, requests in flight), for the output.
            ["Logging__LogLevel__OrleansHealth.Silo.Shutdown"] = "Information",
        };
        await using var a = SiloProcess.Start(environment);
        await using var b = SiloProcess.Start(environment);
        await a.WaitUntilReadyAsync(StartDeadline);
        await b.WaitUntilReadyAsync(StartDeadline);
        await Eventually.ReturnsAsync(() => SiloStatuses.ReadAsync(a.Http), s => s.Count(x => x.Status == "Active") == 2,
            StartDeadline, "silo A to list two active silos");
        var bName = (await SiloStatuses.ReadAsync(b.Http)).Single(s => s.IsSelf).Name;
        using (var registered = await a.Http.PutAsJsonAsync($"/api/sources/{Source}", new { name = Source, format = "fhir-ndjson", trustRank = 50 }))
        {
            registered.EnsureSuccessStatusCode();
        }

        // 5 s of upload at least, so the request is surely still running when B stops accepting connections (2 s).
        var patients = PatientFeed.Generate(patients: 60, seed: 7);
        var body = new PacedContent(PatientFeed.Body(patients.SelectMany(p => p.Lines)), "application/fhir+ndjson", slices: 10, TimeSpan.FromMilliseconds(500));
        using var feed = TestAuth.Client(b.Http.BaseAddress, TimeSpan.FromMinutes(2));
        var ingest = feed.PostAsync($"/api/sources/{Source}/records", body);
        await body.FirstSliceSent;

        var clock = Stopwatch.StartNew();
        b.Terminate();
        var readiness = ProbeReadinessUntilExitAsync(b, clock);
        using var response = await ingest;
        var answeredAt = clock.Elapsed;
        var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var exitBudget = TimeSpan.FromSeconds(DrainDelaySeconds + ShutdownTimeoutSeconds) - clock.Elapsed;
        Assert.True(exitBudget > TimeSpan.Zero, $"the ingest was answered {answeredAt} after SIGTERM, later than the drain delay plus the shutdown timeout");
        var exitCode = await b.WaitForExitAsync(exitBudget);
        var exitedAt = clock.Elapsed;
        var probes = await readiness;
        var view = await Eventually.ReturnsAsync(() => SiloStatuses.ReadAsync(a.Http),
            s => s.Any(x => x.Name == bName && x.Status == "Dead"), Promptly, "silo A to list B as Dead");
        var deadAt = clock.Elapsed;
        var mismatches = new List<string>();
        foreach (var patient in patients)
        {
            if (ProfileRecords.Mismatch(patient.LocalId, patient.RecordIds, await ProfileRecords.ReadAsync(a.Http, null, Source, patient.LocalId)) is { } mismatch)
            {
                mismatches.Add(mismatch);
            }
        }

        output.WriteLine($"after SIGTERM: ingest answered at {answeredAt.TotalSeconds:0.0} s, B exited at {exitedAt.TotalSeconds:0.0} s, " +
            $"A listed B Dead by {deadAt.TotalSeconds:0.0} s; readiness: {Summary(probes)}");
        output.WriteLine($"B's output:\n{b.Output}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, report.GetProperty("rejected").GetInt32());
        Assert.Contains(probes, p => p.Status == 503);
        Assert.Contains(probes, p => p.Status is null);
        var first503 = probes.First(p => p.Status == 503).At;
        var firstRefused = probes.First(p => p.Status is null).At;
        Assert.InRange(first503, TimeSpan.Zero, TimeSpan.FromSeconds(DrainDelaySeconds));
        Assert.True(firstRefused >= TimeSpan.FromSeconds(DrainDelaySeconds), $"B stopped accepting connections {firstRefused} after SIGTERM, before its drain delay");
        Assert.DoesNotContain(probes, p => p.Status == 200 && p.At > first503);
        // B stopped listening (its web server began to stop) before the ingest was answered, and the answer still came:
        // the web server waited for the request, and the Orleans silo served it until then.
        Assert.True(firstRefused < answeredAt, $"B stopped accepting connections at {firstRefused}, after the ingest was answered at {answeredAt}");
        Assert.Equal(0, exitCode);
        Assert.DoesNotContain("non-graceful", b.Output, StringComparison.Ordinal);
        Assert.Equal("Active", view.Single(s => s.IsSelf).Status);
        Assert.Empty(mismatches);
    }

    /// <summary>The probes as runs of one answer: <c>200 from 0.0 s, 503 from 0.1 s, refused from 2.3 s</c>.</summary>
    private static string Summary(List<(TimeSpan At, int? Status)> probes) =>
        string.Join(", ", probes
            .Where((p, i) => i == 0 || probes[i - 1].Status != p.Status)
            .Select(p => $"{p.Status?.ToString() ?? "refused"} from {p.At.TotalSeconds:0.0} s"));

    /// <summary>/health/ready of <paramref name="silo"/> every 100 ms until it exits: the status, or null when refused.</summary>
    private static async Task<List<(TimeSpan At, int? Status)>> ProbeReadinessUntilExitAsync(SiloProcess silo, Stopwatch clock)
    {
        using var http = TestAuth.Client(silo.Http.BaseAddress, TimeSpan.FromSeconds(2));
        var probes = new List<(TimeSpan, int?)>();
        while (!silo.HasExited)
        {
            var at = clock.Elapsed;
            try
            {
                using var response = await http.GetAsync("/health/ready");
                probes.Add((at, (int)response.StatusCode));
            }
            catch (HttpRequestException)
            {
                probes.Add((at, null));
            }
            catch (TaskCanceledException)
            {
                // A probe that timed out while the machine was busy says nothing either way.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        return probes;
    }
}
