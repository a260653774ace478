using System.Buffers;
using OrleansHealth.Clinical.Reading;

namespace OrleansHealth.Clinical.Formats.Fhir;

/// <summary>
/// A JSON body read whole into a pooled buffer, refused as soon as it passes the limit rather than
/// after it has all arrived. A Bundle cannot be streamed (references point forwards and backwards),
/// so this bound is what keeps one Bundle from exhausting a silo.
/// </summary>
internal sealed class BufferedBody : IDisposable
{
    private const int InitialSize = 64 * 1024;

    private byte[]? buffer;
    private readonly int length;

    private BufferedBody(byte[] buffer, int length)
    {
        this.buffer = buffer;
        this.length = length;
    }

    public ReadOnlyMemory<byte> Memory => (buffer ?? throw new ObjectDisposedException(nameof(BufferedBody))).AsMemory(0, length);

    public static async Task<BufferedBody> ReadAsync(Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        var limit = Math.Min(maxBytes, Array.MaxLength - 1);
        if (body.CanSeek && body.Length - body.Position > limit)
        {
            throw TooLarge(maxBytes);
        }

        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(InitialSize, limit + 1));
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    buffer = Grow(buffer, (int)Math.Min((long)buffer.Length * 2, limit + 1));
                }

                var read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return new BufferedBody(buffer, length);
                }

                length += read;
                if (length > limit)
                {
                    throw TooLarge(maxBytes);
                }
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    public void Dispose()
    {
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = null;
        }
    }

    private static byte[] Grow(byte[] buffer, int size)
    {
        var larger = ArrayPool<byte>.Shared.Rent(size);
        buffer.AsSpan().CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }

    private static InputFormatException TooLarge(long maxBytes) => new(
        $"The body is larger than {maxBytes} bytes (MaxJsonBodyBytes); split the Bundle into smaller ones or send the resources as NDJSON.",
        tooLarge: true);
}
