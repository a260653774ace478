using System.Net.Http.Headers;
using OrleansHealth.Clinical.Formats.Csv;
using OrleansHealth.Clinical.Formats.Fhir;
using OrleansHealth.Clinical.Reading;

namespace OrleansHealth.Silo.Api;

/// <summary>Picks the reader for an ingest body from its Content-Type and, for CSV, <c>?format=</c>.</summary>
public static class FeedReaderSelector
{
    public static readonly IReadOnlyList<string> FhirJson = ["application/fhir+json", "application/json"];
    public static readonly IReadOnlyList<string> Ndjson = ["application/fhir+ndjson", "application/x-ndjson", "application/ndjson"];
    public const string Csv = "text/csv";

    /// <summary>The reader, or a problem saying what to send instead.</summary>
    public static (IRecordReader? Reader, ProblemHttpResult? Problem) Select(
        string? contentType, string? format, string? idColumn, string sourceId, IngestLimits limits)
    {
        var mediaType = MediaTypeHeaderValue.TryParse(contentType, out var parsed) ? parsed.MediaType?.ToLowerInvariant() : null;
        if (mediaType is not null && FhirJson.Contains(mediaType))
        {
            return (new FhirJsonReader(limits), null);
        }

        if (mediaType is not null && Ndjson.Contains(mediaType))
        {
            return (new FhirNdjsonReader(limits), null);
        }

        if (mediaType == Csv)
        {
            return CsvFormats.TryCreateReader(format, sourceId, idColumn, limits, out var reader)
                ? (reader, null)
                : (null, TypedResults.Problem(
                    statusCode: StatusCodes.Status400BadRequest,
                    title: "Unknown CSV format",
                    detail: $"A text/csv body needs ?format= one of {string.Join(", ", CsvFormats.All)}" +
                            (string.IsNullOrEmpty(format) ? "." : $"; '{format}' is not one of them.")));
        }

        return (null, TypedResults.Problem(
            statusCode: StatusCodes.Status415UnsupportedMediaType,
            title: "Unsupported Content-Type",
            detail: $"Send records as {string.Join(", ", FhirJson.Concat(Ndjson))} or {Csv} (with ?format=); " +
                    $"'{contentType ?? "(none)"}' is not supported."));
    }
}
