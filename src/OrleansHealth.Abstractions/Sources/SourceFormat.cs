namespace OrleansHealth.Sources;

/// <summary>The wire format a feed pushes; the ingest endpoint picks its reader from this.</summary>
[GenerateSerializer, Alias("OrleansHealth.SourceFormat")]
public enum SourceFormat
{
    FhirJson = 0,
    FhirNdjson = 1,
    Csv = 2,
}
