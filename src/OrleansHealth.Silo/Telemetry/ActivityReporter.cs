using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using OrleansHealth.Cluster;
using OrleansHealth.Grains.Telemetry;

namespace OrleansHealth.Silo.Telemetry;

/// <summary>
/// Counts the records this process applied and the predictions it answered, from the project's own counters
/// (<see cref="HealthTelemetry.RecordsIngested"/>, <see cref="HealthTelemetry.Predictions"/>), and reports the
/// totals to <see cref="IClusterActivityGrain"/> every <see cref="ActivityOptions.Interval"/>, so the dashboard can
/// show rates per silo without scraping each silo's metrics. A report that fails (the silo is starting or stopping,
/// the grain is moving) is logged and skipped: the next one carries the same totals.
/// </summary>
public sealed partial class ActivityReporter(
    IOptions<ActivityOptions> options,
    ILocalSiloDetails self,
    IGrainFactory grains,
    IHostApplicationLifetime lifetime,
    [FromKeyedServices(Grains.HealthTime.Key)] TimeProvider time,
    ILogger<ActivityReporter> logger) : BackgroundService
{
    private readonly MeterListener _listener = new();
    private long _records;
    private long _predictions;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Listen();
        try
        {
            await WhenStartedAsync(stoppingToken);
            var interval = options.Value.Interval;
            using var timer = new PeriodicTimer(interval, time);
            var failing = false;
            do
            {
                failing = await ReportAsync(interval, failing, stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override void Dispose()
    {
        _listener.Dispose();
        base.Dispose();
    }

    /// <summary>
    /// Sums the two counters' measurements in this process from now on (every tag: per model, per source). Instruments
    /// are recognised by name: one is published while <see cref="HealthTelemetry"/>'s fields are still being set.
    /// </summary>
    private void Listen()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == HealthTelemetry.Name && instrument.Name is HealthTelemetry.RecordsIngestedName or HealthTelemetry.PredictionsName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
            Interlocked.Add(ref instrument.Name == HealthTelemetry.RecordsIngestedName ? ref _records : ref _predictions, value));
        _listener.Start();
    }

    /// <summary>One report, given at most an interval; returns whether it failed, so a run of failures is warned of once.</summary>
    private async Task<bool> ReportAsync(TimeSpan interval, bool failing, CancellationToken stoppingToken)
    {
        var sample = new ActivitySample(self.Name, self.SiloAddress.ToParsableString(), time.GetUtcNow(),
            Interlocked.Read(ref _records), Interlocked.Read(ref _predictions));
        try
        {
            await grains.GetGrain<IClusterActivityGrain>(IClusterActivityGrain.Key).ReportAsync(sample).WaitAsync(interval, time, stoppingToken);
            if (failing)
            {
                LogRecovered(logger);
            }

            return false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            if (failing)
            {
                LogStillFailing(logger, ex.GetType().Name, ex.Message);
            }
            else
            {
                LogFailed(logger, ex.GetType().Name, ex.Message);
            }

            return true;
        }
    }

    private Task WhenStartedAsync(CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The silo's activity could not be reported ({Error}: {Message}); the cluster's rates miss it until a report succeeds")]
    private static partial void LogFailed(ILogger logger, string error, string message);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The silo's activity still could not be reported ({Error}: {Message})")]
    private static partial void LogStillFailing(ILogger logger, string error, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "The silo's activity is reported again")]
    private static partial void LogRecovered(ILogger logger);
}
