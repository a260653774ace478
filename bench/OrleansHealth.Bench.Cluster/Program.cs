using System.Globalization;
using OrleansHealth.TestSupport.Load;

// dotnet run -c Release --project bench/OrleansHealth.Bench.Cluster -- [--seconds 120] [--feeds 8] [--readers 64] [--patients 400]
//     [--db-outage-at S --db-outage-for S]
// Starts PostgreSQL and three silo processes with deploy/local/cluster.sh (the silo built by this
// project's reference, Release when run with -c Release), runs the load, prints one table row, and
// stops the cluster. With --db-outage-at, PostgreSQL is stopped that many seconds into the load and
// started again --db-outage-for seconds later (default 15); feeds then retry for as long as a
// minute, waiting what each 503's Retry-After asks.
var seconds = Option("--seconds", 120);
var feedCount = Option("--feeds", 8);
var readers = Option("--readers", 64);
var patients = Option("--patients", 400);
var outageAt = Option("--db-outage-at", 0);
var outageFor = Option("--db-outage-for", 15);

Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
var feeds = Enumerable.Range(1, feedCount).Select(i => FeedScript.Generate($"feed-{i}", patients, seed: 1000 + i, linesPerRequest: 50)).ToList();
Console.WriteLine($"{feedCount} feeds of {patients} generated patients, {feeds.Sum(f => f.Requests.Count)} requests of up to 50 NDJSON lines; {readers} readers; {seconds} s");

await using var cluster = await LocalCluster.UpAsync(3, fastFailureDetection: false);
var load = new ClusterLoad(cluster.Silos, feeds, readers, attempts: outageAt > 0 ? 12 : 2).RunAsync(TimeSpan.FromSeconds(seconds));
if (outageAt > 0)
{
    await Task.Delay(TimeSpan.FromSeconds(outageAt));
    await cluster.StopDatabaseAsync();
    Console.WriteLine($"PostgreSQL stopped {outageAt} s into the load");
    await Task.Delay(TimeSpan.FromSeconds(outageFor));
    await cluster.StartDatabaseAsync();
    Console.WriteLine($"PostgreSQL started again after {outageFor} s");
}

var report = await load;

Console.WriteLine("| run | records/s acknowledged | ingest p50 / p99 (request of 50 lines) | reads/s | read p50 / p99 | answers by status | 503 without Retry-After | failed after every retry | lost | held twice |");
Console.WriteLine("|---|---:|---:|---:|---:|---|---:|---:|---:|---:|");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"| {report.Elapsed.TotalSeconds:F0} s | {report.RecordsPerSecond:N0} | {report.IngestLatencyMs.P50:F0} / {report.IngestLatencyMs.P99:F0} ms | " +
    $"{report.ReadsPerSecond:N0} | {report.ReadLatencyMs.P50:F1} / {report.ReadLatencyMs.P99:F1} ms | " +
    $"{string.Join(", ", report.Statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))} | {report.UnavailableWithoutRetryAfter} | {report.FailedEveryAttempt} | {report.Lost} | {report.Duplicated} |"));

if (report.ServerErrors > 0)
{
    // What the silos logged about the failures, most frequent first, to tell a bug from an overload.
    Console.WriteLine("most frequent warnings and errors in the silo logs:");
    foreach (var line in cluster.Logs().Split('\n').Where(l => l.Contains("Exception", StringComparison.Ordinal))
                 .GroupBy(l => l.Trim()).OrderByDescending(g => g.Count()).Take(12))
    {
        Console.WriteLine($"  {line.Count()}× {line.Key[..Math.Min(220, line.Key.Length)]}");
    }
}

int Option(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}
