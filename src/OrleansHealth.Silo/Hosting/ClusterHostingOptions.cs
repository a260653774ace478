namespace OrleansHealth.Silo.Hosting;

/// <summary>
/// How this silo joins its cluster (configuration section <c>Cluster</c>). In the embedded mode only
/// the ports matter; in the PostgreSQL mode every silo of one cluster shares ClusterId and ServiceId.
/// </summary>
public sealed class ClusterHostingOptions
{
    public const string Section = "Cluster";

    /// <summary>Silos with the same ClusterId form one cluster. Default <c>orleans-health</c>.</summary>
    public string ClusterId { get; set; } = "orleans-health";

    /// <summary>Stable across deployments; part of every grain storage key. Default <c>orleans-health</c>.</summary>
    public string ServiceId { get; set; } = "orleans-health";

    /// <summary>Silo-to-silo port. Default 11111.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Client gateway port. Default 30000.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// The IP address other silos use to reach this one. Default: the <c>POD_IP</c> environment variable
    /// (Kubernetes downward API), else this host's first IPv4 address; loopback in the embedded mode.
    /// </summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>A readable silo name for the dashboard and /api/cluster. Default: <c>POD_NAME</c>, else host name and port.</summary>
    public string? SiloName { get; set; }
}
