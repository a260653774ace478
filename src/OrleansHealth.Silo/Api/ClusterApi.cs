using Orleans.Runtime;
using OrleansHealth.Cluster;
using OrleansHealth.Silo.Security;

namespace OrleansHealth.Silo.Api;

/// <summary>
/// <c>GET /api/cluster</c>: silos with their status from this silo's own membership view (no grain
/// call, so it answers even while the cluster is reshaping), plus activation counts per grain type and the
/// ingestion and prediction rates per silo (<see cref="IClusterActivityGrain"/>); either of those two may be
/// missing, with a reason, while a silo is not answering.
/// </summary>
public static class ClusterApi
{
    private static readonly TimeSpan GrainStatisticsTimeout = TimeSpan.FromSeconds(5);

    public static IEndpointRouteBuilder MapClusterApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/cluster").RequireAuthorization(Policies.Administration)
            .WithTags("Cluster")
            .MapGet("", GetClusterAsync)
            .WithName("GetCluster")
            .WithSummary("Silos with their status, grain activations per type, and records and predictions per second per silo.");
        return endpoints;
    }

    private static async Task<Ok<ClusterView>> GetClusterAsync(
        IClusterMembershipService membership,
        ILocalSiloDetails self,
        IGrainFactory grains,
        Microsoft.Extensions.Options.IOptions<Orleans.Configuration.ClusterOptions> cluster,
        CancellationToken cancellationToken)
    {
        var snapshot = membership.CurrentSnapshot;
        var silos = snapshot.Members.Values
            .OrderBy(m => m.Name, StringComparer.Ordinal)
            .Select(m => new SiloView(m.SiloAddress.ToParsableString(), m.Name, m.Status.ToString(), m.SiloAddress.Equals(self.SiloAddress)))
            .ToList();

        IReadOnlyList<GrainTypeCount>? counts = null;
        string? unavailable = null;
        try
        {
            var stats = await grains.GetGrain<IManagementGrain>(0)
                .GetSimpleGrainStatistics()
                .WaitAsync(GrainStatisticsTimeout, cancellationToken);
            counts = [.. stats
                .OrderBy(s => s.GrainType, StringComparer.Ordinal)
                .ThenBy(s => s.SiloAddress.ToString(), StringComparer.Ordinal)
                .Select(s => new GrainTypeCount(s.GrainType, s.SiloAddress.ToParsableString(), s.ActivationCount))];
        }
        catch (Exception ex) when (ex is TimeoutException or OrleansException or SiloUnavailableException)
        {
            // Grain counts need every silo to answer; during a failure the silo list is what matters.
            unavailable = "grain statistics are unavailable while a silo is not answering; retry shortly.";
        }

        var (activity, activityUnavailable) = await ActivityAsync(grains, silos, cancellationToken);
        return TypedResults.Ok(new ClusterView(cluster.Value.ClusterId, self.Name, silos, counts, unavailable, activity, activityUnavailable));
    }

    /// <summary>The rates of the silos this silo sees as active: a silo that died is dropped at once, not when the grain forgets it.</summary>
    private static async Task<(ClusterActivityView?, string?)> ActivityAsync(IGrainFactory grains, List<SiloView> silos, CancellationToken cancellationToken)
    {
        try
        {
            var active = silos.Where(s => s.Status == nameof(SiloStatus.Active)).Select(s => s.Address).ToHashSet(StringComparer.Ordinal);
            var reported = await grains.GetGrain<IClusterActivityGrain>(IClusterActivityGrain.Key).GetAsync().WaitAsync(GrainStatisticsTimeout, cancellationToken);
            return (ClusterActivityView.Of([.. reported.Where(s => active.Contains(s.Address))]), null);
        }
        catch (Exception ex) when (ex is TimeoutException or OrleansException or SiloUnavailableException)
        {
            return (null, "activity rates are unavailable while a silo is not answering; retry shortly.");
        }
    }
}
