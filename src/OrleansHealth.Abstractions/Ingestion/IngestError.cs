namespace OrleansHealth.Ingestion;

/// <summary>One record of a request that was not accepted: its line (or bundle entry) and why.</summary>
public sealed record IngestError(int Line, string Reason);
