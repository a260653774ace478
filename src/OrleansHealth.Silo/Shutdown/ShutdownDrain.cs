using OrleansHealth.Silo.Health;

namespace OrleansHealth.Silo.Shutdown;

/// <summary>
/// The drain: the first stop signal turns the silo not-ready at once and stops the application after
/// <see cref="ShutdownOptions.DrainDelaySeconds"/>, serving requests until then; a second signal stops it
/// at once. A signal before the silo has started stops at once too: nobody routes to it yet.
/// </summary>
public sealed partial class ShutdownDrain(
    SiloReadiness readiness,
    IHostApplicationLifetime lifetime,
    ShutdownOptions options,
    TimeProvider time,
    ILogger<ShutdownDrain> logger) : IDisposable
{
    private int _signals;
    private ITimer? _delay;

    public void OnStopSignal(string signal)
    {
        var count = Interlocked.Increment(ref _signals);
        readiness.MarkStopping();
        var delay = TimeSpan.FromSeconds(options.DrainDelaySeconds);
        if (count == 1 && delay > TimeSpan.Zero && lifetime.ApplicationStarted.IsCancellationRequested)
        {
            LogDraining(logger, signal, options.DrainDelaySeconds);
            _delay = time.CreateTimer(_ => lifetime.StopApplication(), null, delay, Timeout.InfiniteTimeSpan);
            return;
        }

        if (count > 1)
        {
            LogStoppingNow(logger, signal);
        }

        // Idempotent: the delay's timer may still fire after this, to no effect.
        lifetime.StopApplication();
    }

    public void Dispose() => _delay?.Dispose();

    [LoggerMessage(Level = LogLevel.Information,
        Message = "{Signal}: not ready from now on; still serving requests for {Seconds} s, then stopping (send it again to stop now).")]
    private static partial void LogDraining(ILogger logger, string signal, int seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Signal} again: stopping now.")]
    private static partial void LogStoppingNow(ILogger logger, string signal);
}
