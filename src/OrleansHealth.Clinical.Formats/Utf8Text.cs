using System.Buffers;

namespace OrleansHealth.Clinical.Formats;

/// <summary>Measures UTF-8 text in UTF-16 characters (what the limits count) without decoding it.</summary>
internal static class Utf8Text
{
    /// <summary>
    /// Every byte that is not a continuation byte starts a character; a four-byte sequence is a
    /// surrogate pair, two characters. Exact for valid UTF-8, and needs no state across chunk ends.
    /// </summary>
    public static long Utf16Length(ReadOnlySpan<byte> utf8)
    {
        long length = 0;
        foreach (var b in utf8)
        {
            if ((b & 0xC0) != 0x80)
            {
                length += b >= 0xF0 ? 2 : 1;
            }
        }

        return length;
    }

    public static long Utf16Length(ReadOnlySequence<byte> utf8)
    {
        long length = 0;
        foreach (var segment in utf8)
        {
            length += Utf16Length(segment.Span);
        }

        return length;
    }
}
