namespace OrleansHealth.Bench.Ingest;

/// <summary>
/// A read-only stream that yields <paramref name="body"/> over and over until <paramref name="length"/>
/// bytes: a body of any size that exists only as it is read. After the first pass every record is a
/// duplicate, so stored state stops growing and what is measured is the cost of streaming.
/// </summary>
internal sealed class RepeatingStream(byte[] body, long length) : Stream
{
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var remaining = length - _position;
        if (remaining <= 0)
        {
            return 0;
        }

        var start = (int)(_position % body.Length);
        var n = (int)Math.Min(Math.Min(buffer.Length, body.Length - start), remaining);
        body.AsSpan(start, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
