namespace OrleansHealth.Clinical.Reading;

/// <summary>
/// Reads one feed body into records, streaming: a reader holds at most one record (or one bounded
/// Bundle) in memory, so a 1 GB NDJSON body is never buffered. Throws
/// <see cref="InputFormatException"/> for body-level problems; per-record problems are yielded as
/// <see cref="RecordRejected"/> and reading continues.
/// </summary>
public interface IRecordReader
{
    IAsyncEnumerable<ReadItem> ReadAsync(Stream body, CancellationToken cancellationToken = default);
}
