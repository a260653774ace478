using OrleansHealth.Synthetic.Sources;

namespace OrleansHealth.Synthetic.Writing;

/// <summary>
/// One body a source would send: a Bundle, an NDJSON file or a CSV file. <see cref="ContentType"/>
/// is the ingest API's Content-Type (<c>application/fhir+json</c>, <c>application/fhir+ndjson</c>,
/// <c>text/csv</c>) and <see cref="CsvFormat"/> its <c>?format=</c> value for CSV
/// (<c>synthea-patients</c>, …; null otherwise). <see cref="Name"/> is the file name the dataset writer uses.
/// </summary>
public sealed record FeedDocument(string SourceId, FeedFormat Format, string Name, string ContentType, string? CsvFormat, byte[] Content);
