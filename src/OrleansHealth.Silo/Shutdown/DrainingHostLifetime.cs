using System.Runtime.InteropServices;

namespace OrleansHealth.Silo.Shutdown;

/// <summary>
/// Replaces the console lifetime, which stops the host the moment SIGTERM or SIGINT arrives: here those
/// signals go through the <see cref="ShutdownDrain"/> first. SIGQUIT still stops at once.
/// </summary>
public sealed class DrainingHostLifetime(ShutdownDrain drain, IHostApplicationLifetime lifetime) : IHostLifetime, IDisposable
{
    private readonly List<PosixSignalRegistration> _registrations = [];

    public Task WaitForStartAsync(CancellationToken cancellationToken)
    {
        _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnDrainSignal));
        _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, OnDrainSignal));
        _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGQUIT, OnQuit));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
    }

    private void OnDrainSignal(PosixSignalContext context)
    {
        // Cancel the runtime's default (terminate the process): the host stops in its own time, then Main returns.
        context.Cancel = true;
        drain.OnStopSignal(context.Signal.ToString());
    }

    private void OnQuit(PosixSignalContext context)
    {
        context.Cancel = true;
        lifetime.StopApplication();
    }
}
