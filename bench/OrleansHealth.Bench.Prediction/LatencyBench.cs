using OrleansHealth.Bench.Common;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrleansHealth.Silo.Demo;
using OrleansHealth.Synthetic.Population;
using OrleansHealth.Synthetic.Sources;

namespace OrleansHealth.Bench.Prediction;

/// <summary>
/// Single-patient prediction latency over HTTP: an embedded silo loads the demo population (which
/// trains and promotes <c>diabetes-onset</c>), the patients are found through their sources' own ids,
/// and <see cref="BenchOptions.Clients"/> concurrent clients GET
/// <c>/api/patients/{id}/predictions/diabetes-onset</c>: first cold (every request is a patient's first,
/// so its grain computes the features and asks the predictor; as long as unseen patients last), then
/// warm (repeat requests, answered from the patient grain's cache) for <see cref="BenchOptions.Seconds"/>.
/// </summary>
internal static class LatencyBench
{
    /// <summary>Patients asked once before the cold phase (JIT, first activations, the predictor replicas); not counted.</summary>
    private const int WarmUpPatients = 64;

    /// <summary>Fresh patients asked one at a time before the concurrent cold phase.</summary>
    private const int SerialColdPatients = 100;

    public static async Task<LatencyResult> RunAsync(BenchOptions options)
    {
        Console.WriteLine();
        Console.WriteLine($"## latency: demo population of {options.Patients:N0} people, {options.Clients} concurrent clients, {options.Seconds} s per phase");
        var clock = Stopwatch.StartNew();
        await using var silo = await EmbeddedSilo.StartAsync(new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "true",
            ["Demo:Patients"] = options.Patients.ToString(CultureInfo.InvariantCulture),
        });
        await silo.Services.GetRequiredService<DemoLoader>().Loaded.WaitAsync(TimeSpan.FromMinutes(30));
        var model = JsonDocument.Parse(await silo.Http.GetStringAsync($"/api/models/{DemoModel.Name}")).RootElement;
        Console.WriteLine($"demo loaded, {DemoModel.Name} version {model.GetProperty("activeVersion")} active, after {clock.Elapsed.TotalSeconds:F0} s");

        var patients = await PatientIdsAsync(silo.Http, options.Patients);
        Console.WriteLine($"{patients.Count:N0} distinct patients resolved from the sources' own ids");
        new Random(7).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(patients));

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Clients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var client = TestAuth.Client(silo.BaseAddress, TimeSpan.FromSeconds(30), handler: handler);
        var warmUp = patients.Take(WarmUpPatients).ToList();
        await RunPhaseAsync(client, options.Clients, TimeSpan.FromSeconds(30), Next(warmUp));

        // A few fresh patients one at a time first: the service time without queueing, for comparison.
        var serialCold = await RunPhaseAsync(client, 1, TimeSpan.FromSeconds(options.Seconds), Next(patients.Skip(WarmUpPatients).Take(SerialColdPatients).ToList()));
        var fresh = patients.Skip(WarmUpPatients + SerialColdPatients).ToList();
        var cold = await RunPhaseAsync(client, options.Clients, TimeSpan.FromSeconds(options.Seconds), Next(fresh));
        Console.WriteLine($"cold: {cold.Count:N0} requests (every one a patient's first) in {cold.Seconds:F1} s");
        var warm = await RunPhaseAsync(client, options.Clients, TimeSpan.FromSeconds(options.Seconds), Random(patients));
        Console.WriteLine($"warm: {warm.Count:N0} requests in {warm.Seconds:F1} s");
        var serialWarm = await RunPhaseAsync(client, 1, TimeSpan.FromSeconds(Math.Min(10, options.Seconds)), Random(patients));

        var result = new LatencyResult(options.Patients, patients.Count, options.Clients, options.Seconds, cold, warm, serialCold, serialWarm);
        Print(result);
        return result;
    }

    /// <summary>Each id once, then none: a phase over fresh patients ends when they run out.</summary>
    private static Func<int, string?> Next(List<string> ids)
    {
        var next = -1;
        return _ => Interlocked.Increment(ref next) is var i && i < ids.Count ? ids[i] : null;
    }

    /// <summary>Random patients, each client with its own generator.</summary>
    private static Func<int, string?> Random(List<string> ids)
    {
        var generators = new ConcurrentDictionary<int, Random>();
        return client => ids[generators.GetOrAdd(client, c => new Random(1000 + c)).Next(ids.Count)];
    }

    private static async Task<PhaseResult> RunPhaseAsync(HttpClient client, int clients, TimeSpan duration, Func<int, string?> next)
    {
        var latencies = new ConcurrentBag<double>();
        var errors = new ConcurrentBag<string>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            while (clock.Elapsed < duration && next(c) is { } patient)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.GetAsync($"/api/patients/{patient}/predictions/{DemoModel.Name}");
                    var body = await response.Content.ReadAsStringAsync();
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        errors.Add($"{(int)response.StatusCode} for {patient}: {body}");
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    errors.Add($"{patient}: {e.Message}");
                }
            }
        })));
        var seconds = clock.Elapsed.TotalSeconds;
        var sorted = latencies.Order().ToArray();
        foreach (var error in errors.Take(5))
        {
            Console.WriteLine($"  error: {error}");
        }

        return sorted.Length == 0
            ? new PhaseResult(0, errors.Count, seconds, 0, 0, 0, 0)
            : new PhaseResult(sorted.Length, errors.Count, seconds, Percentile(sorted, 0.50), Percentile(sorted, 0.99), sorted[^1], sorted.Average());
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    /// <summary>The enterprise ids of the demo's patients, found as DemoStartTests does: each source record's own id, resolved over HTTP.</summary>
    private static async Task<List<string>> PatientIdsAsync(HttpClient http, int people)
    {
        var simulator = new SourceSimulator(new PopulationGenerator(new PopulationOptions { PatientCount = people, Seed = new DemoOptions().Seed }), new SourceSimulationOptions());
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var unresolved = 0;
        foreach (var record in simulator.SimulateDemographics().Where(r => !r.IsResend))
        {
            using var response = await http.GetAsync($"/api/patients?source={record.SourceId}&localId={Uri.EscapeDataString(record.LocalId)}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                ids.Add(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("patientId").GetString()!);
            }
            else
            {
                unresolved++;
            }
        }

        if (unresolved > 0)
        {
            Console.WriteLine($"{unresolved} source records did not resolve");
        }

        return [.. ids];
    }

    private static void Print(LatencyResult r)
    {
        var table = new Table("phase", "requests", "errors", "requests/s", "p50, ms", "p99, ms", "max, ms", "mean, ms", "target");
        table.Add($"cold, {r.Clients} clients (each patient's first request)", r.Cold.Count.ToString("N0", Table.Culture), r.Cold.Errors.ToString(Table.Culture),
            Table.Rate(r.Cold.Count / r.Cold.Seconds), Table.Ms(r.Cold.P50), Table.Ms(r.Cold.P99), Table.Ms(r.Cold.Max), Table.Ms(r.Cold.Mean), "p99 < 50 ms, 0 errors");
        table.Add($"warm, {r.Clients} clients (repeat requests, {r.Seconds} s)", r.Warm.Count.ToString("N0", Table.Culture), r.Warm.Errors.ToString(Table.Culture),
            Table.Rate(r.Warm.Count / r.Warm.Seconds), Table.Ms(r.Warm.P50), Table.Ms(r.Warm.P99), Table.Ms(r.Warm.Max), Table.Ms(r.Warm.Mean), "p99 < 10 ms, 0 errors");
        table.Add("cold, 1 client (service time without queueing)", r.SerialCold.Count.ToString("N0", Table.Culture), r.SerialCold.Errors.ToString(Table.Culture),
            Table.Rate(r.SerialCold.Count / r.SerialCold.Seconds), Table.Ms(r.SerialCold.P50), Table.Ms(r.SerialCold.P99), Table.Ms(r.SerialCold.Max), Table.Ms(r.SerialCold.Mean), "—");
        table.Add($"warm, 1 client ({Math.Min(10, r.Seconds)} s)", r.SerialWarm.Count.ToString("N0", Table.Culture), r.SerialWarm.Errors.ToString(Table.Culture),
            Table.Rate(r.SerialWarm.Count / r.SerialWarm.Seconds), Table.Ms(r.SerialWarm.P50), Table.Ms(r.SerialWarm.P99), Table.Ms(r.SerialWarm.Max), Table.Ms(r.SerialWarm.Mean), "—");
        table.Print($"### GET /api/patients/{{id}}/predictions/{DemoModel.Name}, {r.Clients} concurrent clients, {r.Resolved:N0} patients");
    }
}

internal sealed record PhaseResult(int Count, int Errors, double Seconds, double P50, double P99, double Max, double Mean);

internal sealed record LatencyResult(int People, int Resolved, int Clients, int Seconds, PhaseResult Cold, PhaseResult Warm, PhaseResult SerialCold, PhaseResult SerialWarm);
