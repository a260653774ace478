using Orleans.Runtime;
using OrleansHealth.Silo.Security;

namespace OrleansHealth.Silo.Api;

/// <summary>
/// <c>GET /api/cluster</c>: silos with their status from this silo's own membership view (no grain
/// call, so it answers even while the cluster is reshaping), plus activation counts per grain type.
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
            .WithSummary("Silos with their status, and grain activations per type.");
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

        return TypedResults.Ok(new ClusterView(cluster.Value.ClusterId, self.Name, silos, counts, unavailable));
    }
}
