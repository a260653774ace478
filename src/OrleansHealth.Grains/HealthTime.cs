namespace OrleansHealth.Grains;

/// <summary>
/// The clock grains read for business time (registration times, audit stamps), registered as a keyed
/// service. Orleans itself uses the unkeyed <see cref="TimeProvider"/>; keeping ours apart lets tests
/// move business time with a fake clock without also stalling the runtime's own timers.
/// </summary>
public static class HealthTime
{
    public const string Key = "ohealth";
}
