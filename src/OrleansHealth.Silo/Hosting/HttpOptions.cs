namespace OrleansHealth.Silo.Hosting;

/// <summary>The silo's HTTP endpoint (configuration section <c>Http</c>).</summary>
public sealed class HttpOptions
{
    public const string Section = "Http";

    /// <summary>TCP port for the API, health probes, metrics and dashboard. Default 8080; 0 picks a free port.</summary>
    public int Port { get; set; } = 8080;
}
