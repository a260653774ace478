using OrleansHealth.Ingestion;

namespace OrleansHealth.Grains.Ingestion;

/// <summary>The running totals of one ingest request, across its chunks.</summary>
internal sealed class IngestRun(string requestId, string sourceId, int trustRank, DateTimeOffset receivedAt, int maxListedErrors)
{
    private readonly List<IngestError> _errors = [];

    public string RequestId { get; } = requestId;

    public string SourceId { get; } = sourceId;

    public int TrustRank { get; } = trustRank;

    public DateTimeOffset ReceivedAt { get; } = receivedAt;

    /// <summary>Source-local id → enterprise id, resolved once per request.</summary>
    public Dictionary<string, string> PatientsByLocalId { get; } = new(StringComparer.Ordinal);

    public HashSet<string> PatientsTouched { get; } = new(StringComparer.Ordinal);

    public int Accepted { get; set; }

    public int Duplicates { get; set; }

    public int Rejected { get; private set; }

    public int Skipped { get; set; }

    public void Error(int line, string reason)
    {
        Rejected++;
        if (_errors.Count < maxListedErrors)
        {
            _errors.Add(new IngestError(line, reason));
        }
    }

    public IngestReport Report() =>
        new(RequestId, Accepted, Duplicates, Rejected, Skipped, PatientsTouched.Count, [.. _errors.OrderBy(e => e.Line)], Rejected - _errors.Count);
}
