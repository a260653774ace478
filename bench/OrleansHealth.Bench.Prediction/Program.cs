using OrleansHealth.Bench.Common;
using System.Diagnostics;
using OrleansHealth.Bench.Prediction;

// dotnet run -c Release --project bench/OrleansHealth.Bench.Prediction -- [batch|latency|treatment|all] [options]
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

var peer = options.Mode is "batch" or "all" ? $"; peer: {await SklearnPeer.VersionAsync()} ({SklearnPeer.Python})" : "";
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}{peer}; load average at start {LoadAverage()}");
Console.WriteLine($"mode {options.Mode}; DOTNET_GCgen0size {Environment.GetEnvironmentVariable("DOTNET_GCgen0size") ?? "unset (the GC's default budget)"} (Properties/launchSettings.json sets it, as the silo's own launch settings and image do)");
var work = Path.Combine(Path.GetTempPath(), $"ohealth-bench-prediction-{Environment.ProcessId}");
Directory.CreateDirectory(work);
var clock = Stopwatch.StartNew();
try
{
    if (options.Mode is "batch" or "all")
    {
        await BatchBench.RunAsync(options, work);
    }

    if (options.Mode is "latency" or "all")
    {
        await LatencyBench.RunAsync(options);
    }

    if (options.Mode is "treatment" or "all")
    {
        TreatmentBench.Run(options);
    }
}
finally
{
    Directory.Delete(work, recursive: true);
}

Console.WriteLine();
Console.WriteLine($"total {clock.Elapsed.TotalMinutes:F1} min; load average at the end {LoadAverage()}");
return 0;

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
