namespace OrleansHealth.Cli.Ingest;

/// <summary>
/// Reads a file for the upload and counts what went out: bytes, and line ends (one record per line in NDJSON and
/// CSV), so the progress bar can show records per second while the cluster is still taking them in.
/// </summary>
public sealed class CountingStream(Stream inner, Action<long, long> progress) : Stream
{
    private long bytes;
    private long lines;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position
    {
        get => bytes;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(buffer.AsSpan(offset, inner.Read(buffer, offset, count)));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count((await inner.ReadAsync(buffer, cancellationToken)) is var read ? buffer.Span[..read] : default);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Count(ReadOnlySpan<byte> read)
    {
        bytes += read.Length;
        lines += read.Count((byte)'\n');
        progress(bytes, lines);
        return read.Length;
    }
}
