using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OrleansHealth.Silo.Health;
using OrleansHealth.Silo.Shutdown;

namespace OrleansHealth.Silo.Tests.Shutdown;

public sealed class ShutdownDrainTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly SiloReadiness _readiness = new();
    private readonly ApplicationLifetime _lifetime = new(NullLogger<ApplicationLifetime>.Instance);

    private ShutdownDrain Drain(int seconds) =>
        new(_readiness, _lifetime, new ShutdownOptions { DrainDelaySeconds = seconds }, _time, NullLogger<ShutdownDrain>.Instance);

    private bool Stopping => _lifetime.ApplicationStopping.IsCancellationRequested;

    [Fact]
    public void FirstSignal_TurnsNotReadyAtOnce_AndStopsOnlyAfterTheDelay()
    {
        _readiness.MarkActive();
        _lifetime.NotifyStarted();
        using var drain = Drain(5);

        drain.OnStopSignal("SIGTERM");
        var readyDuringDrain = _readiness.IsReady;
        _time.Advance(TimeSpan.FromSeconds(4.9));
        var stoppingBeforeTheDelay = Stopping;
        _time.Advance(TimeSpan.FromSeconds(0.1));

        Assert.False(readyDuringDrain);
        Assert.False(stoppingBeforeTheDelay);
        Assert.True(Stopping);
    }

    [Fact]
    public void SecondSignal_DuringTheDrain_StopsAtOnce()
    {
        _lifetime.NotifyStarted();
        using var drain = Drain(5);

        drain.OnStopSignal("SIGTERM");
        _time.Advance(TimeSpan.FromSeconds(1));
        drain.OnStopSignal("SIGINT");

        Assert.True(Stopping);
    }

    [Fact]
    public void ZeroDelay_StopsAtOnce()
    {
        _lifetime.NotifyStarted();
        using var drain = Drain(0);

        drain.OnStopSignal("SIGTERM");

        Assert.True(Stopping);
    }

    [Fact]
    public void SignalWhileStarting_StopsAtOnce()
    {
        using var drain = Drain(5);

        drain.OnStopSignal("SIGTERM");

        Assert.True(Stopping);
        Assert.True(_readiness.IsStopping);
    }
}
