using System.Globalization;
using OrleansHealth.Bench.Ingest;
using OrleansHealth.TestSupport;

// dotnet run -c Release --project bench/OrleansHealth.Bench.Ingest -- [--patients N] [--postgres] [--stream-mb MB] [--chunk N] [--parallelism N] [--runs N]
var patients = Option("--patients", 2000);
var streamMegabytes = Option("--stream-mb", 0);
var withPostgres = args.Contains("--postgres");
var chunkSize = Option("--chunk", 0);
var parallelism = Option("--parallelism", 0);
// Each ingest path runs this many times on a fresh silo (and database); the median is reported.
var runs = Option("--runs", 3);
var common = new Dictionary<string, string?>();
if (parallelism > 0)
{
    common["Ingest:Parallelism"] = parallelism.ToString(CultureInfo.InvariantCulture);
}

if (chunkSize > 0)
{
    common["Ingest:ChunkSize"] = chunkSize.ToString(CultureInfo.InvariantCulture);
}

Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
var corpus = NdjsonCorpus.Generate(patients, seed: 7);
Console.WriteLine($"corpus: {patients} generated patients, {corpus.Lines} NDJSON lines, {corpus.Body.Length / 1e6:F1} MB");

// Warm-up: JIT, Firely's metadata caches, Orleans' first activations.
await ParseRate.MeasureAsync(NdjsonCorpus.Generate(50, seed: 1));
await HttpIngestRate.MeasureAsync(NdjsonCorpus.Generate(50, seed: 1), common);

// The parser's best of three runs: one run alone moves by ±20 % with the JIT and the collector warming up.
var parse = 0.0;
for (var run = 0; run < 3; run++)
{
    parse = Math.Max(parse, await ParseRate.MeasureAsync(corpus));
}

Report("raw parse (reader only, best of 3)", parse, parse);
var embedded = await MedianAsync(() => HttpIngestRate.MeasureAsync(corpus, common));
Report($"HTTP ingest, embedded (accepted {embedded.Accepted}, rejected {embedded.Rejected}; {embedded.Range})", embedded.PerSecond, parse);

if (withPostgres)
{
    await using var server = await PostgresServer.StartAsync();
    var postgres = await MedianAsync(async () => await HttpIngestRate.MeasureAsync(corpus, new Dictionary<string, string?>(common)
    {
        ["Storage"] = "Postgres",
        ["ConnectionStrings:Postgres"] = await server.CreateDatabaseAsync(),
        ["Cluster:AdvertisedAddress"] = "127.0.0.1",
    }));
    Report($"HTTP ingest, PostgreSQL (accepted {postgres.Accepted}, rejected {postgres.Rejected}; {postgres.Range})", postgres.PerSecond, parse);
}

if (streamMegabytes > 0)
{
    var (peak, baseline, elapsed) = await StreamingMemory.MeasureAsync(corpus, streamMegabytes * 1024L * 1024);
    Console.WriteLine($"| streaming {streamMegabytes} MiB NDJSON into a silo process | peak RSS {peak / 1048576} MiB " +
                      $"(baseline {baseline / 1048576} MiB) | {elapsed.TotalSeconds:F0} s, {streamMegabytes / elapsed.TotalSeconds:F1} MiB/s |");
}

void Report(string what, double perSecond, double parseRate) =>
    Console.WriteLine($"| {what} | {perSecond.ToString("N0", CultureInfo.InvariantCulture)} resources/s | {perSecond / parseRate:P0} of raw parse |");

async Task<(double PerSecond, int Accepted, int Rejected, string Range)> MedianAsync(Func<Task<(double PerSecond, int Accepted, int Rejected)>> measure)
{
    var results = new List<(double PerSecond, int Accepted, int Rejected)>();
    for (var run = 0; run < runs; run++)
    {
        results.Add(await measure());
    }

    results.Sort((a, b) => a.PerSecond.CompareTo(b.PerSecond));
    var median = results[results.Count / 2];
    var range = $"median of {runs}, {results[0].PerSecond.ToString("N0", CultureInfo.InvariantCulture)}–{results[^1].PerSecond.ToString("N0", CultureInfo.InvariantCulture)}/s";
    return (median.PerSecond, median.Accepted, median.Rejected, range);
}

int Option(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}
