namespace OrleansHealth.Silo.Shutdown;

/// <summary>
/// What a silo does between a stop signal and the stop itself (configuration section <c>Shutdown</c>).
/// The stop that follows is bounded by the host's <c>shutdownTimeoutSeconds</c>.
/// </summary>
public sealed class ShutdownOptions
{
    public const string Section = "Shutdown";

    /// <summary>The longest drain delay accepted; anything longer is a typo, not a plan.</summary>
    public const int MaxDrainDelaySeconds = 300;

    /// <summary>
    /// Seconds from SIGTERM or SIGINT to the start of the stop. Meanwhile <c>/health/ready</c> answers 503
    /// and every request is still served, so a load balancer that polls readiness moves traffic away
    /// before the silo stops accepting connections. Default 5: two polls of a balancer that checks every
    /// 2 s and drops a target after two failures. 0 stops at once; a second signal ends the delay early.
    /// </summary>
    public int DrainDelaySeconds { get; set; } = 5;
}
