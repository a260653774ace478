using OrleansHealth.Sources;

namespace OrleansHealth.Silo.Api;

/// <summary>A registered source as the HTTP API returns it.</summary>
public sealed record SourceView(
    string SourceId, string Name, string Format, int TrustRank, DateTimeOffset RegisteredAt, DateTimeOffset UpdatedAt,
    SourceStatistics Statistics)
{
    public static SourceView From(SourceDetails details) => new(
        details.SourceId,
        details.Registration.Name,
        SourceRegistrationValidator.FormatName(details.Registration.Format),
        details.Registration.TrustRank,
        details.RegisteredAt,
        details.UpdatedAt,
        details.Statistics);
}
