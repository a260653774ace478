using Orleans.Runtime;

namespace OrleansHealth.Silo.Health;

/// <summary>Feeds <see cref="SiloReadiness"/> from the Orleans silo lifecycle and the host's shutdown signal.</summary>
public sealed class SiloLifecycleWatcher(SiloReadiness readiness, IHostApplicationLifetime lifetime)
    : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle)
    {
        lifetime.ApplicationStopping.Register(readiness.MarkStopping);
        lifecycle.Subscribe(
            nameof(SiloLifecycleWatcher),
            ServiceLifecycleStage.Active,
            _ =>
            {
                readiness.MarkActive();
                return Task.CompletedTask;
            },
            _ =>
            {
                readiness.MarkStopping();
                return Task.CompletedTask;
            });
    }
}
