using OrleansHealth.Learning;

namespace OrleansHealth.Silo.Api;

/// <summary>One model in <c>GET /api/models</c>: enough to know whether it can predict and explain treatments.</summary>
public sealed record ModelListItem(string Name, string? Description, int? ActiveVersion, int Versions, int? LatestVersion, bool RanksTreatments)
{
    public static ModelListItem From(ModelDetails details) => new(
        details.Name,
        details.Definition.Description,
        details.ActiveVersion,
        details.Versions.Count,
        details.Versions.Count == 0 ? null : details.Versions.Max(v => v.Version),
        details.Definition.Treatment is not null);
}
