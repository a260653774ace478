namespace OrleansHealth.Cli.Bench;

/// <summary>
/// What <c>ohealth bench ingest</c> measured. <see cref="Records"/> is what the cluster counted (accepted +
/// duplicates + rejected + skipped: every record once), so records/s is the cluster's rate, whatever the format's
/// notion of a line. The clock runs from the first request to the last answer; generating the feed is timed apart.
/// </summary>
public sealed record IngestBenchResult(
    string Source,
    bool Registered,
    string Format,
    int Patients,
    long Seed,
    int Concurrency,
    int Documents,
    long Bytes,
    long Accepted,
    long Duplicates,
    long Rejected,
    long Skipped,
    TimeSpan Generation,
    TimeSpan Wall)
{
    public long Records => Accepted + Duplicates + Rejected + Skipped;

    public double RecordsPerSecond => Records / Math.Max(Wall.TotalSeconds, 1e-3);

    public double DocumentsPerSecond => Documents / Math.Max(Wall.TotalSeconds, 1e-3);
}
