using System.Buffers;
using System.IO.Pipelines;

namespace OrleansHealth.Silo.Api;

/// <summary>
/// Splits an NDJSON body into its non-blank lines with their 1-based line numbers. Each line is lent to the
/// caller in place, valid only during the call, so reading a body allocates nothing per line; only a line
/// that straddles two buffer segments is copied, into one reused array.
/// </summary>
internal sealed class NdjsonLines(PipeReader body)
{
    public const int MaxLineBytes = 1 << 20;

    private int number;
    private bool ended;
    private byte[] joined = [];

    /// <summary>
    /// Hands lines to <paramref name="take"/> until it answers false (its block is full) or the body ends.
    /// True when it stopped for <paramref name="take"/>, and more lines may follow; false at the end of the body.
    /// </summary>
    public async ValueTask<bool> ReadAsync(Func<int, ReadOnlySpan<byte>, bool> take, CancellationToken cancellationToken)
    {
        while (!ended)
        {
            var result = await body.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            if (!TakeLines(ref buffer, result.IsCompleted, take))
            {
                // Examined only up to here, so the next read answers at once with the lines left.
                body.AdvanceTo(buffer.Start);
                return true;
            }

            body.AdvanceTo(buffer.Start, buffer.End);
        }

        await body.CompleteAsync();
        return false;
    }

    /// <summary>Takes the complete lines of <paramref name="buffer"/> (and at the end of the body the last one); false when <paramref name="take"/> stopped.</summary>
    private bool TakeLines(ref ReadOnlySequence<byte> buffer, bool completed, Func<int, ReadOnlySpan<byte>, bool> take)
    {
        while (true)
        {
            // Most lines lie within the first segment; only a line that does not is looked for across segments.
            ReadOnlySpan<byte> line;
            var end = buffer.FirstSpan.IndexOf((byte)'\n');
            if (end >= 0)
            {
                line = buffer.FirstSpan[..end];
                buffer = buffer.Slice(end + 1);
            }
            else if (buffer.PositionOf((byte)'\n') is { } position)
            {
                line = Joined(buffer.Slice(0, position));
                buffer = buffer.Slice(buffer.GetPosition(1, position));
            }
            else
            {
                break;
            }

            number++;
            if (!IsBlank(line) && !take(number, line))
            {
                return false;
            }
        }

        if (buffer.Length > MaxLineBytes)
        {
            throw new BadHttpRequestException($"Line {number + 1} is longer than {MaxLineBytes} bytes.", StatusCodes.Status413PayloadTooLarge);
        }

        if (completed)
        {
            ended = true;
            number++;
            var last = buffer.IsSingleSegment ? buffer.FirstSpan : Joined(buffer);
            buffer = buffer.Slice(buffer.End);
            return IsBlank(last) || take(number, last);
        }

        return true;
    }

    private ReadOnlySpan<byte> Joined(ReadOnlySequence<byte> line)
    {
        if (joined.Length < line.Length)
        {
            joined = new byte[Math.Max((int)line.Length, 2 * joined.Length)];
        }

        line.CopyTo(joined);
        return joined.AsSpan(0, (int)line.Length);
    }

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.IndexOfAnyExcept(" \t\r"u8) < 0;
}
