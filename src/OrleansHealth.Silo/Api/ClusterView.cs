using OrleansHealth.Cluster;

namespace OrleansHealth.Silo.Api;

/// <summary>The body of <c>GET /api/cluster</c>.</summary>
public sealed record ClusterView(
    string ClusterId,
    string AnsweredBy,
    IReadOnlyList<SiloView> Silos,
    IReadOnlyList<GrainTypeCount>? Grains,
    string? GrainsUnavailable,
    ClusterActivityView? Activity,
    string? ActivityUnavailable);

/// <summary>The cluster's current rates (the sum of its silos') and each silo's, with its recent series.</summary>
public sealed record ClusterActivityView(double RecordsPerSecond, double PredictionsPerSecond, IReadOnlyList<SiloActivity> Silos)
{
    public static ClusterActivityView Of(IReadOnlyList<SiloActivity> silos) =>
        new(silos.Sum(s => s.RecordsPerSecond), silos.Sum(s => s.PredictionsPerSecond), silos);
}

/// <summary>One silo as this silo's membership view sees it.</summary>
public sealed record SiloView(string Address, string Name, string Status, bool IsSelf);

/// <summary>Activations of one grain type on one silo.</summary>
public sealed record GrainTypeCount(string GrainType, string Silo, int Activations);
