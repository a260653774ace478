using OrleansHealth.Bench.Common;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using OrleansHealth.Bench.Training;

// dotnet run -c Release --project bench/OrleansHealth.Bench.Training -- [accuracy|speed|scaling|all]
//     [--learner Classic|FastForest|both] [--trees N] [--shards N] [--rows N] [--scaling-rows N]
//     [--ingest-chunk N] [--speed-load tabular|direct]
//     [--seed N] [--max-features N] [--min-leaf N] [--max-depth N] [--max-bins N] [--json]
// (see BenchOptions.Usage)
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
var peer = await SklearnPeer.VersionAsync();
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; peer: {peer} ({SklearnPeer.Python}); load average at start {load}");
Console.WriteLine($"mode {options.Mode}, learner(s) {string.Join(", ", options.Learners)}, shards {options.Shards}");

var work = Path.Combine(Path.GetTempPath(), $"ohealth-bench-training-{Environment.ProcessId}");
Directory.CreateDirectory(work);
var clock = Stopwatch.StartNew();
var results = new Dictionary<string, object?>
{
    ["machine"] = new { cores = Environment.ProcessorCount, os = Environment.OSVersion.ToString(), dotnet = Environment.Version.ToString(), peer, loadAverage = load },
};
try
{
    if (options.Mode is "accuracy" or "all")
    {
        results["accuracy"] = await AccuracyBench.RunAsync(options, work);
    }

    if (options.Mode is "speed" or "all")
    {
        results["speed"] = await SpeedBench.RunAsync(options, work);
    }

    if (options.Mode is "scaling" or "all")
    {
        results["scaling"] = await ScalingBench.RunAsync(options);
    }
}
finally
{
    Directory.Delete(work, recursive: true);
}

Console.WriteLine();
Console.WriteLine($"total {clock.Elapsed.TotalMinutes:F1} min; load average at the end {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?")}");
if (options.Json)
{
    var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true };
    json.Converters.Add(new JsonStringEnumConverter());
    Console.WriteLine(JsonSerializer.Serialize(results, json));
}

return 0;
