using OrleansHealth.Synthetic.Sources;

namespace OrleansHealth.Synthetic.Writing;

/// <summary>The folder of each format under a source's folder, and which formats an output format means for a source.</summary>
public static class FeedFolders
{
    public static string Of(FeedFormat format) => format switch
    {
        FeedFormat.FhirBundle => "fhir",
        FeedFormat.FhirNdjson => "ndjson",
        FeedFormat.SyntheaCsv => "csv",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown feed format."),
    };

    public static IReadOnlyList<FeedFormat> FormatsFor(SourceProfile source, OutputFormat output)
    {
        ArgumentNullException.ThrowIfNull(source);
        return output switch
        {
            OutputFormat.Mixed => [source.PreferredFormat],
            OutputFormat.Fhir => [FeedFormat.FhirBundle],
            OutputFormat.Ndjson => [FeedFormat.FhirNdjson],
            OutputFormat.Csv => [FeedFormat.SyntheaCsv],
            OutputFormat.All => [FeedFormat.FhirBundle, FeedFormat.FhirNdjson, FeedFormat.SyntheaCsv],
            _ => throw new ArgumentOutOfRangeException(nameof(output), output, "Unknown output format."),
        };
    }

    internal static IFeedSink CreateSink(IDocumentTarget target, string folder, FeedFormat format, int patientsPerBundle) => format switch
    {
        FeedFormat.FhirBundle => new FhirBundleSink(target, folder, patientsPerBundle),
        FeedFormat.FhirNdjson => new NdjsonSink(target, folder),
        _ => new SyntheaCsvSink(target, folder),
    };
}
