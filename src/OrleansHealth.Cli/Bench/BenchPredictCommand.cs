using System.Diagnostics;
using OrleansHealth.Cli.Connection;
using OrleansHealth.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrleansHealth.Cli.Bench;

/// <summary>
/// <c>ohealth bench predict</c>: sends <c>--requests</c> prediction requests, going round the given patients, with
/// <c>--concurrency</c> in flight, and reports throughput, latency percentiles and the failures by status. Failed
/// requests are counted, not fatal: how a cluster fails under load is part of what a benchmark shows. Patient ids
/// must be given: the cluster's own lists are pseudonymous, and a benchmark must not go looking for patients.
/// </summary>
public sealed class BenchPredictCommand(IAnsiConsole console) : AsyncCommand<BenchPredictSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, BenchPredictSettings settings, CancellationToken cancellationToken)
    {
        var patients = settings.PatientIds();
        var paths = patients.Select(settings.Path).ToArray();
        using var tally = new StatusTally();
        using var client = new ClusterClient(settings, tally);

        // One request before the clock starts: a wrong URL, token, model or first patient fails at once with its
        // exit code instead of as N errors, and the model's active version is loaded before it is measured.
        await client.GetAsync(paths[0], cancellationToken);
        tally.Clear();

        // A slot per request, written by that request alone; NaN marks a failure.
        var latencies = new double[settings.Requests];
        var wall = Stopwatch.StartNew();
        await BenchProgress.RunAsync(console, settings.Json, $"{settings.Requests:N0} predictions from {settings.Model}", settings.Requests, async done =>
            await Parallel.ForEachAsync(Enumerable.Range(0, settings.Requests),
                new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = cancellationToken },
                async (i, token) =>
                {
                    var started = Stopwatch.GetTimestamp();
                    try
                    {
                        await client.GetAsync(paths[i % paths.Length], token);
                        latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    }
                    catch (ClusterException)
                    {
                        // Counted by the tally, with its status.
                        latencies[i] = double.NaN;
                    }

                    done();
                }));
        wall.Stop();

        var result = new PredictBenchResult(
            settings.Model!, patients.Count, settings.Concurrency, settings.Requests, tally.Failures, wall.Elapsed,
            Percentiles.Of(latencies.Where(l => !double.IsNaN(l))));
        if (settings.Json)
        {
            console.WriteJsonLine(BenchSummaryView.ToJson(result));
        }
        else
        {
            BenchSummaryView.Show(console, result);
        }

        return ExitCodes.Success;
    }
}
