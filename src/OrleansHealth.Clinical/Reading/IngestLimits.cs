namespace OrleansHealth.Clinical.Reading;

/// <summary>
/// Size limits that keep one hostile or broken feed from exhausting a silo. Exceeding one is a
/// request-level error (<see cref="InputFormatException"/>), not a per-record rejection.
/// </summary>
public sealed record IngestLimits
{
    /// <summary>Largest FHIR JSON body (a Bundle or a single resource) read into memory. Default 64 MiB.</summary>
    public long MaxJsonBodyBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Most entries in one Bundle. Default 20,000.</summary>
    public int MaxBundleEntries { get; init; } = 20_000;

    /// <summary>Longest NDJSON line or CSV row, in characters. Default 1 MiB.</summary>
    public int MaxLineLength { get; init; } = 1024 * 1024;

    /// <summary>Longest single CSV field, in characters. Default 64 KiB.</summary>
    public int MaxCsvFieldLength { get; init; } = 64 * 1024;

    public static IngestLimits Default { get; } = new();
}
