namespace OrleansHealth.Synthetic.Sources;

/// <summary>The wire formats a source can send.</summary>
public enum FeedFormat
{
    /// <summary>FHIR R4 <c>batch</c> Bundles with urn:uuid fullUrls and references (registration format <c>fhir-json</c>).</summary>
    FhirBundle = 0,

    /// <summary>FHIR Bulk Data NDJSON, one file per resource type, <c>Patient/{id}</c> references (<c>fhir-ndjson</c>).</summary>
    FhirNdjson = 1,

    /// <summary>Synthea v3 CSV files (<c>csv</c>).</summary>
    SyntheaCsv = 2,
}
