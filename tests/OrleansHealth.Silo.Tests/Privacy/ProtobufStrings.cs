using System.Text;

namespace OrleansHealth.Silo.Tests.Privacy;

/// <summary>
/// Every text an OTLP protobuf message carries (span names, attribute values, log bodies, metric names), found
/// without the schema: each length-delimited field is read as a nested message when it parses as one and as text
/// when it is printable UTF-8. Scanning these texts, rather than the raw bytes, keeps a length byte that happens to
/// be a letter from gluing itself to a word.
/// </summary>
internal static class ProtobufStrings
{
    public static List<string> Extract(byte[] message)
    {
        var found = new List<string>();
        Walk(message, found, depth: 0);
        return found;
    }

    /// <summary>Collects the texts of <paramref name="bytes"/> read as a message; false when it is not one.</summary>
    private static bool Walk(ReadOnlySpan<byte> bytes, List<string> found, int depth)
    {
        if (depth > 32)
        {
            return false;
        }

        var texts = new List<string>();
        var position = 0;
        while (position < bytes.Length)
        {
            if (!Varint(bytes, ref position, out var key) || key >> 3 == 0)
            {
                return false;
            }

            switch (key & 7)
            {
                case 0:
                    if (!Varint(bytes, ref position, out _))
                    {
                        return false;
                    }

                    break;
                case 1:
                    position += 8;
                    break;
                case 5:
                    position += 4;
                    break;
                case 2:
                    if (!Varint(bytes, ref position, out var length) || length > (ulong)(bytes.Length - position))
                    {
                        return false;
                    }

                    var payload = bytes.Slice(position, (int)length);
                    position += (int)length;
                    if (IsText(payload))
                    {
                        texts.Add(Encoding.UTF8.GetString(payload));
                    }

                    Walk(payload, texts, depth + 1);
                    break;
                default:
                    return false;
            }

            if (position > bytes.Length)
            {
                return false;
            }
        }

        found.AddRange(texts);
        return true;
    }

    private static bool Varint(ReadOnlySpan<byte> bytes, ref int position, out ulong value)
    {
        value = 0;
        for (var shift = 0; shift < 64 && position < bytes.Length; shift += 7)
        {
            var b = bytes[position++];
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsText(ReadOnlySpan<byte> payload) =>
        payload.Length > 0 && System.Text.Unicode.Utf8.IsValid(payload) && !payload.ContainsAnyInRange((byte)0, (byte)8) && !payload.ContainsAnyInRange((byte)14, (byte)31);
}
