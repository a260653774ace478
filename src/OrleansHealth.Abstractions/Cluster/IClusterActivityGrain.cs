namespace OrleansHealth.Cluster;

/// <summary>
/// The cluster's live ingestion and prediction rates: each silo reports its cumulative counts every few seconds
/// and the dashboard reads the rates. One grain for the cluster, held in memory only: the numbers are live
/// (a lost activation costs a minute of chart, nothing else), and one call per silo every few seconds is far from
/// making it a bottleneck.
/// </summary>
public interface IClusterActivityGrain : IGrainWithIntegerKey
{
    /// <summary>The single key.</summary>
    const long Key = 0;

    Task ReportAsync(ActivitySample sample);

    /// <summary>Each silo that reported recently, by name, with its current rates and their recent series.</summary>
    Task<IReadOnlyList<SiloActivity>> GetAsync();
}
