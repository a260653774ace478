namespace OrleansHealth.Silo.Health;

/// <summary>
/// The silo's own view of whether it should receive traffic. It turns ready when the silo reaches
/// the Active lifecycle stage and stops being ready as soon as shutdown begins, before grains move.
/// </summary>
public sealed class SiloReadiness
{
    private volatile bool _started;
    private volatile bool _active;
    private volatile bool _stopping;

    public bool HasStarted => _started;

    public bool IsReady => _active && !_stopping;

    public bool IsStopping => _stopping;

    public void MarkActive()
    {
        _started = true;
        _active = true;
    }

    public void MarkStopping() => _stopping = true;
}
