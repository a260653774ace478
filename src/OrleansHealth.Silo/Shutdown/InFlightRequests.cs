using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace OrleansHealth.Silo.Shutdown;

/// <summary>
/// Bounds how long in-flight requests may hold up a stop. The web server stops before the Orleans silo
/// and waits for its requests, and both share one <c>shutdownTimeoutSeconds</c>; a request that used it
/// all would leave the silo a cancelled token, and Orleans then stops without handing its grains off or
/// leaving the membership table in time. So requests still running after <see cref="RequestShare"/> of
/// the timeout are aborted: their clients get no answer and retry elsewhere (ingestion is idempotent),
/// and the rest of the timeout is the silo's.
/// </summary>
public sealed partial class InFlightRequests(
    IHostApplicationLifetime lifetime,
    IOptions<HostOptions> host,
    TimeProvider time,
    ILogger<InFlightRequests> logger) : IDisposable
{
    /// <summary>
    /// Two thirds for requests, one third (10 s of the default 30 s) for the silo, whose graceful stop
    /// takes about a second here but waits up to 5 s for the membership table when the database is slow.
    /// </summary>
    public const double RequestShare = 2.0 / 3;

    private readonly ConcurrentDictionary<HttpContext, byte> _running = new();
    private CancellationTokenRegistration _stopping;
    private ITimer? _cutoff;
    private volatile bool _cutOff;

    public TimeSpan Budget => host.Value.ShutdownTimeout * RequestShare;

    public int Count => _running.Count;

    /// <summary>Starts the clock when the application begins stopping.</summary>
    public void CutOffOnStop() =>
        _stopping = lifetime.ApplicationStopping.Register(() =>
        {
            if (!_running.IsEmpty)
            {
                LogWaiting(logger, _running.Count, Budget.TotalSeconds);
            }

            _cutoff = time.CreateTimer(_ => CutOff(), null, Budget, Timeout.InfiniteTimeSpan);
        });

    /// <summary>The middleware: tracks a request while it runs.</summary>
    public async Task RunAsync(HttpContext context, RequestDelegate next)
    {
        if (_cutOff)
        {
            context.Abort();
            return;
        }

        _running.TryAdd(context, 0);
        try
        {
            await next(context);
        }
        finally
        {
            _running.TryRemove(context, out _);
        }
    }

    public void Dispose()
    {
        _stopping.Dispose();
        _cutoff?.Dispose();
    }

    private void CutOff()
    {
        _cutOff = true;
        var aborted = 0;
        foreach (var context in _running.Keys)
        {
            context.Abort();
            aborted++;
        }

        if (aborted > 0)
        {
            LogCutOff(logger, aborted, Budget.TotalSeconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: {Count} requests in flight get up to {Seconds:0.#} s to finish.")]
    private static partial void LogWaiting(ILogger logger, int count, double seconds);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Aborted {Count} requests still running {Seconds:0.#} s into the stop, so the silo keeps time to hand off its grains and leave the cluster.")]
    private static partial void LogCutOff(ILogger logger, int count, double seconds);
}
