using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;

namespace OrleansHealth.Silo.Api;

/// <summary>Streams the non-blank lines of an NDJSON body with their 1-based line numbers, holding one line at a time.</summary>
internal static class NdjsonLines
{
    public const int MaxLineBytes = 1 << 20;

    public static async IAsyncEnumerable<(int Line, byte[] Json)> ReadAsync(Stream body, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reader = PipeReader.Create(body);
        var number = 0;
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            var lines = new List<(int, byte[])>();
            while (buffer.PositionOf((byte)'\n') is { } end)
            {
                number++;
                var line = buffer.Slice(0, end);
                if (!IsBlank(line))
                {
                    lines.Add((number, line.ToArray()));
                }

                buffer = buffer.Slice(buffer.GetPosition(1, end));
            }

            if (buffer.Length > MaxLineBytes)
            {
                throw new BadHttpRequestException($"Line {number + 1} is longer than {MaxLineBytes} bytes.", StatusCodes.Status413PayloadTooLarge);
            }

            if (result.IsCompleted && !IsBlank(buffer))
            {
                lines.Add((++number, buffer.ToArray()));
                buffer = buffer.Slice(buffer.End);
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
            foreach (var line in lines)
            {
                yield return line;
            }

            if (result.IsCompleted)
            {
                break;
            }
        }

        await reader.CompleteAsync();
    }

    private static bool IsBlank(ReadOnlySequence<byte> line)
    {
        foreach (var segment in line)
        {
            foreach (var b in segment.Span)
            {
                if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r'))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
