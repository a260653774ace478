using System.Buffers;
using OrleansHealth.Clinical.Reading;

namespace OrleansHealth.Clinical.Formats.Fhir;

/// <summary>
/// Splits a growing buffer of NDJSON into physical lines and hands each non-blank one on, counting
/// lines from 1. A line still incomplete when it passes the limit is refused at once, so an endless
/// line costs at most the limit (plus one read) of memory, never the whole line.
/// </summary>
internal sealed class NdjsonLineSplitter(int maxLineLength)
{
    public delegate void LineHandler(ReadOnlySpan<byte> line, int lineNumber);

    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    private int completedLines;
    private long pendingBytesCounted;
    private long pendingCharacters;

    /// <summary>
    /// Hands on every complete line of <paramref name="buffer"/> and leaves <paramref name="buffer"/>
    /// at the start of the incomplete rest; at the end of the input the rest is the last line.
    /// </summary>
    public void Split(ref ReadOnlySequence<byte> buffer, bool isEndOfInput, LineHandler handler)
    {
        var reader = new SequenceReader<byte>(buffer);
        var sawLine = false;
        while (reader.TryReadTo(out ReadOnlySequence<byte> line, (byte)'\n'))
        {
            sawLine = true;
            Handle(line, handler);
        }

        buffer = buffer.Slice(reader.Position);
        if (sawLine)
        {
            pendingBytesCounted = 0;
            pendingCharacters = 0;
        }

        if (isEndOfInput)
        {
            if (!buffer.IsEmpty)
            {
                Handle(buffer, handler);
                buffer = buffer.Slice(buffer.End);
            }
        }
        else if (buffer.Length > maxLineLength)
        {
            RefuseIfPendingTooLong(buffer);
        }
    }

    private void Handle(ReadOnlySequence<byte> line, LineHandler handler)
    {
        var lineNumber = ++completedLines;
        if (line.Length > maxLineLength && Utf8Text.Utf16Length(line) > maxLineLength)
        {
            throw TooLong(lineNumber);
        }

        if (line.IsSingleSegment)
        {
            HandleContiguous(line.FirstSpan, lineNumber, handler);
            return;
        }

        var copy = ArrayPool<byte>.Shared.Rent((int)line.Length);
        try
        {
            line.CopyTo(copy);
            HandleContiguous(copy.AsSpan(0, (int)line.Length), lineNumber, handler);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(copy);
        }
    }

    private static void HandleContiguous(ReadOnlySpan<byte> line, int lineNumber, LineHandler handler)
    {
        if (lineNumber == 1 && line.StartsWith(ByteOrderMark))
        {
            line = line[ByteOrderMark.Length..];
        }

        line = line.Trim(" \t\r"u8);
        if (!line.IsEmpty)
        {
            handler(line, lineNumber);
        }
    }

    /// <summary>Counts only the bytes that arrived since the last check, so a long line is measured once, not once per read.</summary>
    private void RefuseIfPendingTooLong(ReadOnlySequence<byte> pending)
    {
        pendingCharacters += Utf8Text.Utf16Length(pending.Slice(pendingBytesCounted));
        pendingBytesCounted = pending.Length;
        if (pendingCharacters > maxLineLength)
        {
            throw TooLong(completedLines + 1);
        }
    }

    private InputFormatException TooLong(int lineNumber) => new(
        $"Line {lineNumber} is longer than {maxLineLength} characters (MaxLineLength); each NDJSON line must hold one resource within that limit.",
        lineNumber,
        tooLarge: true);
}
