using System.Globalization;
using OrleansHealth.TestSupport.Load;

// dotnet run -c Release --project bench/OrleansHealth.Bench.Cluster -- [--seconds 120] [--feeds 8] [--readers 64] [--patients 400]
// Starts PostgreSQL and three silo processes with deploy/local/cluster.sh (the silo built by this
// project's reference, Release when run with -c Release), runs the load, prints one table row, and
// stops the cluster.
var seconds = Option("--seconds", 120);
var feedCount = Option("--feeds", 8);
var readers = Option("--readers", 64);
var patients = Option("--patients", 400);

Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
var feeds = Enumerable.Range(1, feedCount).Select(i => FeedScript.Generate($"feed-{i}", patients, seed: 1000 + i, linesPerRequest: 50)).ToList();
Console.WriteLine($"{feedCount} feeds of {patients} generated patients, {feeds.Sum(f => f.Requests.Count)} requests of up to 50 NDJSON lines; {readers} readers; {seconds} s");

await using var cluster = await LocalCluster.UpAsync(3, fastFailureDetection: false);
var report = await new ClusterLoad(cluster.Silos, feeds, readers).RunAsync(TimeSpan.FromSeconds(seconds));

Console.WriteLine("| run | records/s acknowledged | ingest p50 / p99 (request of 50 lines) | reads/s | read p50 / p99 | answers by status | failed after a retry | lost |");
Console.WriteLine("|---|---:|---:|---:|---:|---|---:|---:|");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"| {report.Elapsed.TotalSeconds:F0} s | {report.RecordsPerSecond:N0} | {report.IngestLatencyMs.P50:F0} / {report.IngestLatencyMs.P99:F0} ms | " +
    $"{report.ReadsPerSecond:N0} | {report.ReadLatencyMs.P50:F1} / {report.ReadLatencyMs.P99:F1} ms | " +
    $"{string.Join(", ", report.Statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))} | {report.FailedEveryAttempt} | {report.Lost} |"));

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
