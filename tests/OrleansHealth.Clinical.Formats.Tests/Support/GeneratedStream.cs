namespace OrleansHealth.Clinical.Formats.Tests.Support;

/// <summary>
/// A forward-only stream that repeats a pattern (without end, or up to <paramref name="length"/>
/// bytes), made as it is read, and counts what was read: it proves a reader stopped early instead of
/// draining (or buffering) its input, and feeds large bodies without holding them.
/// </summary>
internal sealed class GeneratedStream(byte[] prefix, byte[] pattern, long length = long.MaxValue) : Stream
{
    private long position;

    public long BytesRead => position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var count = (int)Math.Min(buffer.Length, length - position);
        var written = 0;
        while (written < count)
        {
            var source = position < prefix.Length
                ? prefix.AsSpan((int)position)
                : pattern.AsSpan((int)((position - prefix.Length) % pattern.Length));
            var chunk = Math.Min(source.Length, count - written);
            source[..chunk].CopyTo(buffer[written..]);
            written += chunk;
            position += chunk;
        }

        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
