namespace OrleansHealth.Silo.Telemetry;

/// <summary>How often a silo reports its activity to the cluster's rates (configuration section <c>Activity</c>).</summary>
public sealed class ActivityOptions
{
    public const string Section = "Activity";

    /// <summary>
    /// Time between reports (<c>Activity:Interval</c>, e.g. <c>00:00:05</c>). Default 5 s: a chart that moves, at one
    /// small grain call per silo. Tests shorten it.
    /// </summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);
}
