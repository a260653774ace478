using System.Net.Http.Headers;

namespace OrleansHealth.Cli.Ingest;

/// <summary>
/// A file to send and how: its content type and, for CSV, the <c>format</c> the ingest endpoint needs. The format
/// comes from <c>--format</c>, else from the extension, and for CSV from Synthea's file names.
/// </summary>
public sealed record FeedFile(string Path, string ContentType, string? CsvFormat)
{
    private static readonly Dictionary<string, string> SyntheaFiles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["patients"] = "synthea-patients",
        ["observations"] = "synthea-observations",
        ["conditions"] = "synthea-conditions",
        ["medications"] = "synthea-medications",
        ["encounters"] = "synthea-encounters",
        ["procedures"] = "synthea-procedures",
    };

    /// <summary>The query string of the ingest request.</summary>
    public string Query(string? idColumn) =>
        CsvFormat is null ? "" : $"?format={CsvFormat}{(idColumn is null ? "" : $"&id={Uri.EscapeDataString(idColumn)}")}";

    public MediaTypeHeaderValue MediaType => new(ContentType);

    /// <summary>How to send <paramref name="path"/>; throws <see cref="ArgumentException"/> when that cannot be told.</summary>
    public static FeedFile For(string path, string? format)
    {
        var extension = System.IO.Path.GetExtension(path).ToLowerInvariant();
        switch (format?.ToLowerInvariant())
        {
            case "fhir-json":
                return new FeedFile(path, "application/fhir+json", null);
            case "fhir-ndjson" or "ndjson":
                return new FeedFile(path, "application/fhir+ndjson", null);
            case { } csv when csv.StartsWith("synthea-", StringComparison.Ordinal) || csv == "tabular":
                return new FeedFile(path, "text/csv", csv);
            case { } unknown:
                throw new ArgumentException($"unknown --format '{unknown}'; use fhir-json, fhir-ndjson, tabular or synthea-patients|observations|conditions|medications|encounters|procedures.");
        }

        return extension switch
        {
            ".ndjson" or ".jsonl" => new FeedFile(path, "application/fhir+ndjson", null),
            ".json" => new FeedFile(path, "application/fhir+json", null),
            ".csv" when SyntheaFiles.TryGetValue(System.IO.Path.GetFileNameWithoutExtension(path), out var synthea) => new FeedFile(path, "text/csv", synthea),
            ".csv" => throw new ArgumentException($"{path}: say what the CSV holds with --format (tabular with --id COLUMN, or synthea-…)."),
            _ => throw new ArgumentException($"{path}: cannot tell the format from '{extension}'; give --format."),
        };
    }
}
