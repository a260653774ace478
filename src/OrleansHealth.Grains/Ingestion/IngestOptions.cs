using OrleansHealth.Clinical.Reading;

namespace OrleansHealth.Grains.Ingestion;

/// <summary>How ingestion batches its work (configuration section <c>Ingest</c>).</summary>
public sealed class IngestOptions
{
    public const string Section = "Ingest";

    /// <summary>Records read before their patients are resolved and applied in one round. Default 2,000.</summary>
    public int ChunkSize { get; set; } = 2000;

    /// <summary>
    /// Chunks read ahead while the current one is applied. Default 8: the reader keeps parsing while
    /// the first chunk's new patients are resolved (the slowest step), and memory stays bounded by
    /// (1 + this) chunks, about 6 MB each.
    /// </summary>
    public int ReadAhead { get; set; } = 8;

    /// <summary>Patient grains written concurrently per chunk. Default 64.</summary>
    public int Parallelism { get; set; } = 64;

    /// <summary>Errors listed in an ingest answer; the rest are counted (all are in the quarantine). Default 1,000.</summary>
    public int MaxListedErrors { get; set; } = 1000;

    /// <summary>Raw text kept per quarantined record, in characters. Default 64 KiB.</summary>
    public int MaxQuarantinedRawLength { get; set; } = 64 * 1024;

    /// <summary>Largest request body of any format, in bytes. Default 4 GiB (NDJSON is streamed, so size costs no memory).</summary>
    public long MaxBodyBytes { get; set; } = 4L * 1024 * 1024 * 1024;

    public IngestLimits Limits { get; set; } = new();
}
