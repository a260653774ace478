using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace OrleansHealth.TestSupport.Load;

/// <summary>
/// Feeds and readers against the HTTP endpoints of a cluster's silos for a while. A feed sends its
/// script request by request, round-robin over the silos; a failed request is sent again to the
/// next silo, up to <c>attempts</c> times in all (default 2: one retry), after the pause a 503's
/// Retry-After asks for; a request that fails every attempt is counted and skipped. Readers look up
/// random patients the feeds have been acknowledged for and read their profiles. Afterwards every
/// acknowledged record is looked for in its patient's profile, where it must be exactly once.
/// </summary>
public sealed class ClusterLoad(IReadOnlyList<Uri> silos, IReadOnlyList<FeedScript> feeds, int readers, int attempts = 2)
{
    /// <summary>Pause before a retry when the answer asked for none (no answer at all, or no Retry-After).</summary>
    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(500);

    /// <summary>A feed waits as long as Retry-After asks, but not longer than this.</summary>
    private static readonly TimeSpan LongestRetryPause = TimeSpan.FromSeconds(10);

    private readonly ConcurrentQueue<double> readLatencies = new();
    private readonly ConcurrentQueue<double> ingestLatencies = new();
    private readonly ConcurrentDictionary<int, int> statuses = new();
    private readonly ConcurrentBag<(string Source, FeedRecord Record)> acknowledged = [];
    private readonly ConcurrentBag<(string Source, string LocalId)> readable = [];
    private int failedEveryAttempt;
    private int unavailableWithoutRetryAfter;

    /// <summary>Runs until <paramref name="duration"/> has passed or every feed has sent its script.</summary>
    public async Task<LoadReport> RunAsync(TimeSpan duration, CancellationToken cancellationToken = default)
    {
        using var http = TestAuth.Client(timeout: TimeSpan.FromSeconds(60));
        foreach (var feed in feeds)
        {
            await SendWithRetryAsync(http, 0, silo => http.PutAsJsonAsync(new Uri(silo, $"/api/sources/{feed.SourceId}"),
                new { name = feed.SourceId, format = "fhir-ndjson" }, cancellationToken), null);
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(duration);
        var clock = Stopwatch.StartNew();
        var feeding = feeds.Select((feed, i) => Task.Run(() => FeedAsync(http, feed, i, stop.Token), CancellationToken.None)).ToList();
        var reading = Enumerable.Range(0, readers).Select(i => Task.Run(() => ReadAsync(http, i, stop.Token), CancellationToken.None)).ToList();
        await Task.WhenAll(feeding);
        await stop.CancelAsync();
        await Task.WhenAll(reading);
        var elapsed = clock.Elapsed;

        var (lost, duplicated) = await CheckProfilesAsync(http);
        return new LoadReport(elapsed, acknowledged.Count, feeds.Sum(f => f.Requests.Sum(r => r.Records.Count)), readLatencies.Count, Percentiles(ingestLatencies), Percentiles(readLatencies),
            new Dictionary<int, int>(statuses), unavailableWithoutRetryAfter, failedEveryAttempt, lost, duplicated);
    }

    private async Task FeedAsync(HttpClient http, FeedScript feed, int index, CancellationToken stop)
    {
        var next = index;
        foreach (var request in feed.Requests)
        {
            if (stop.IsCancellationRequested)
            {
                return;
            }

            var clock = Stopwatch.StartNew();
            var ok = await SendWithRetryAsync(http, next++, silo => http.PostAsync(new Uri(silo, $"/api/sources/{feed.SourceId}/records"),
                new StringContent(request.Body, Encoding.UTF8, "application/fhir+ndjson"), CancellationToken.None), ingestLatencies, clock);
            if (ok)
            {
                foreach (var record in request.Records)
                {
                    acknowledged.Add((feed.SourceId, record));
                    if (record.IsPatient)
                    {
                        readable.Add((feed.SourceId, record.LocalPatientId));
                    }
                }
            }
        }
    }

    private async Task ReadAsync(HttpClient http, int index, CancellationToken stop)
    {
        var random = new Random(index);
        var next = index;
        while (!stop.IsCancellationRequested)
        {
            var known = readable.ToArray();
            if (known.Length == 0)
            {
                await Task.Delay(50, CancellationToken.None);
                continue;
            }

            var (source, localId) = known[random.Next(known.Length)];
            var silo = silos[next++ % silos.Count];
            var clock = Stopwatch.StartNew();
            try
            {
                using var link = await http.GetAsync(new Uri(silo, $"/api/patients?source={source}&localId={Uri.EscapeDataString(localId)}"), CancellationToken.None);
                Count(link);
                if (link.IsSuccessStatusCode)
                {
                    var profile = JsonDocument.Parse(await link.Content.ReadAsStringAsync(CancellationToken.None)).RootElement.GetProperty("profile").GetString()!;
                    using var read = await http.GetAsync(new Uri(silo, profile), CancellationToken.None);
                    Count(read);
                    if (read.IsSuccessStatusCode)
                    {
                        readLatencies.Enqueue(clock.Elapsed.TotalMilliseconds);
                    }
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                Count(0);
            }
        }
    }

    /// <summary>Sends to silo <paramref name="start"/>, and on a failure to the next silo, up to the attempts allowed.</summary>
    private async Task<bool> SendWithRetryAsync(HttpClient http, int start, Func<Uri, Task<HttpResponseMessage>> send,
        ConcurrentQueue<double>? latencies, Stopwatch? clock = null)
    {
        var pause = RetryPause;
        for (var attempt = 0; attempt < attempts; attempt++)
        {
            if (attempt > 0)
            {
                await Task.Delay(pause);
            }

            pause = RetryPause;
            try
            {
                using var response = await send(silos[(start + attempt) % silos.Count]);
                Count(response);
                if (response.Headers.RetryAfter?.Delta is { } asked)
                {
                    pause = asked < LongestRetryPause ? asked : LongestRetryPause;
                }

                if (response.IsSuccessStatusCode)
                {
                    if (clock is not null)
                    {
                        latencies?.Enqueue(clock.Elapsed.TotalMilliseconds);
                    }

                    return true;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                Count(0);
            }
        }

        Interlocked.Increment(ref failedEveryAttempt);
        return false;
    }

    private void Count(HttpResponseMessage response)
    {
        Count((int)response.StatusCode);
        if (response.StatusCode == HttpStatusCode.ServiceUnavailable && response.Headers.RetryAfter is null)
        {
            Interlocked.Increment(ref unavailableWithoutRetryAfter);
        }
    }

    private void Count(int status) => statuses.AddOrUpdate(status, 1, (_, n) => n + 1);

    /// <summary>
    /// Acknowledged records missing from their patients' profiles, and acknowledged records held more than
    /// once (0 and 0 are the only good answers). A patient the source cannot resolve loses all its records.
    /// </summary>
    private async Task<(int Lost, int Duplicated)> CheckProfilesAsync(HttpClient http)
    {
        var (lost, duplicated) = (0, 0);
        foreach (var patient in acknowledged.GroupBy(a => (a.Source, a.Record.LocalPatientId)))
        {
            var sent = patient.Select(a => a.Record).Where(r => !r.IsPatient).Select(r => r.RecordId).ToHashSet();
            var facts = await ProfileRecords.ReadAsync(http, silos[0], patient.Key.Source, patient.Key.LocalPatientId);
            if (facts is null)
            {
                lost += sent.Count + (patient.Any(a => a.Record.IsPatient) ? 1 : 0);
                continue;
            }

            var held = facts.Select(f => f.Split('#')[0]).ToHashSet();
            lost += sent.Count(id => !held.Contains(id));
            duplicated += facts.GroupBy(f => f).Count(g => g.Count() > 1);
        }

        return (lost, duplicated);
    }

    private static (double P50, double P99) Percentiles(ConcurrentQueue<double> samples)
    {
        var sorted = samples.Order().ToArray();
        return sorted.Length == 0 ? (0, 0) : (sorted[(int)(sorted.Length * 0.50)], sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * 0.99))]);
    }
}

/// <summary>
/// What a load run did. <see cref="Statuses"/> counts HTTP answers by status (0 = no answer);
/// <see cref="UnavailableWithoutRetryAfter"/> the 503s that did not say when to come back.
/// </summary>
public sealed record LoadReport(
    TimeSpan Elapsed,
    int AcknowledgedRecords,
    int ScriptedRecords,
    int Reads,
    (double P50, double P99) IngestLatencyMs,
    (double P50, double P99) ReadLatencyMs,
    IReadOnlyDictionary<int, int> Statuses,
    int UnavailableWithoutRetryAfter,
    int FailedEveryAttempt,
    int Lost,
    int Duplicated)
{
    public int ServerErrors => Statuses.Where(s => s.Key >= 500).Sum(s => s.Value);

    public double RecordsPerSecond => AcknowledgedRecords / Elapsed.TotalSeconds;

    public double ReadsPerSecond => Reads / Elapsed.TotalSeconds;
}
