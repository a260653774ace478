using OrleansHealth.Synthetic.Clinical;

namespace OrleansHealth.Synthetic.Sources;

/// <summary>
/// One simulated source and its habits. <see cref="TrustRank"/> is on the 0–100 scale of source
/// registration (higher wins a conflict). <see cref="RegistrationFormat"/> is the name the source
/// registration API expects for <see cref="PreferredFormat"/>.
/// </summary>
public sealed record SourceProfile(
    int Index,
    string Id,
    string Name,
    int TrustRank,
    FeedFormat PreferredFormat,
    string MrnSystem,
    bool CarriesSsn,
    UnitProfile Units,
    PhoneStyle PhoneStyle,
    bool AbbreviatesStreetSuffixes,
    bool UpperCaseNames,
    string OrganizationId,
    string ProviderId,
    string PayerId)
{
    public string RegistrationFormat => FormatName(PreferredFormat);

    /// <summary>The registration API's name of a format: <c>fhir-json</c>, <c>fhir-ndjson</c> or <c>csv</c>.</summary>
    public static string FormatName(FeedFormat format) => format switch
    {
        FeedFormat.FhirBundle => "fhir-json",
        FeedFormat.FhirNdjson => "fhir-ndjson",
        FeedFormat.SyntheaCsv => "csv",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown feed format."),
    };
}
