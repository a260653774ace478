using System.Text;

namespace OrleansHealth.TestSupport.Fuzz;

/// <summary>
/// Seeded mutations of real input, the way broken or hostile feeds differ from good ones: bytes flipped, spans
/// cut out, duplicated or truncated, lines swapped, numbers made extreme, and tokens inserted that parsers
/// stumble on (unbalanced brackets, deep nesting, invalid UTF-8, NUL, huge strings, impossible dates). The same
/// seed gives the same mutants, so a failure names its seed and can be replayed.
/// </summary>
public sealed class Mutator(int seed)
{
    private static readonly byte[][] Tokens =
    [
        .. new[]
        {
            "{", "}", "[", "]", "\"", ",", ":", "null", "true", "-1e309", "1e400", "NaN", "-0", "99999999999999999999999",
            "\"\\u0000\"", "\\", "\\u", "\n", "\r\n", ",,,", ";", "\"resourceType\":\"Observation\"", "\"resourceType\":42",
            "\"reference\":\"Patient/\"", "\"valueQuantity\":{\"value\":-5,\"unit\":\"kg\"}", "\"birthDate\":\"2999-02-30\"",
            "\"effectiveDateTime\":\"not a date\"", "\"code\":{}", "\"subject\":null", "\"entry\":[{}]", "urn:uuid:",
            "\"\"", "''", "\t", "\u00e9", "\ud83d\ude00", "<script>", "${jndi:x}", "%s%n", "Patient?identifier=",
        }.Select(Encoding.UTF8.GetBytes),
        [0xEF, 0xBB, 0xBF], // a byte-order mark in the middle
        [0xC3, 0x28], // invalid UTF-8
        [0xFF, 0xFE, 0x00],
        [0x00],
        Encoding.ASCII.GetBytes(new string('[', 5_000)),
        Encoding.ASCII.GetBytes(new string('{', 300) + "\"a\":1"),
        Encoding.ASCII.GetBytes("\"" + new string('A', 70_000) + "\""),
        Encoding.ASCII.GetBytes(new string('9', 5_000)),
    ];

    private readonly Random _random = new(seed);

    /// <summary>One to four mutations of <paramref name="input"/>.</summary>
    public byte[] Mutate(ReadOnlySpan<byte> input)
    {
        var bytes = new List<byte>(input.ToArray());
        var count = _random.Next(1, 5);
        for (var i = 0; i < count; i++)
        {
            MutateOnce(bytes);
        }

        return [.. bytes];
    }

    private void MutateOnce(List<byte> bytes)
    {
        if (bytes.Count == 0)
        {
            bytes.AddRange(Tokens[_random.Next(Tokens.Length)]);
            return;
        }

        var at = _random.Next(bytes.Count);
        switch (_random.Next(8))
        {
            case 0:
                bytes[at] = (byte)_random.Next(256);
                break;
            case 1:
                bytes.RemoveRange(at, Math.Min(bytes.Count - at, _random.Next(1, 65)));
                break;
            case 2:
                bytes.InsertRange(at, Tokens[_random.Next(Tokens.Length)]);
                break;
            case 3:
                var length = Math.Min(bytes.Count - at, _random.Next(1, 200));
                bytes.InsertRange(_random.Next(bytes.Count), bytes.GetRange(at, length));
                break;
            case 4:
                bytes.RemoveRange(at, bytes.Count - at);
                break;
            case 5:
                SwapLines(bytes);
                break;
            case 6:
                ReplaceNumber(bytes, at);
                break;
            default:
                // A quote or bracket removed: the most common way a hand-edited document breaks.
                var structural = bytes.FindIndex(at, b => b is (byte)'"' or (byte)'{' or (byte)'}' or (byte)'[' or (byte)']' or (byte)',');
                if (structural >= 0)
                {
                    bytes.RemoveAt(structural);
                }

                break;
        }
    }

    private void SwapLines(List<byte> bytes)
    {
        var lines = Split(bytes);
        if (lines.Count < 2)
        {
            return;
        }

        var (a, b) = (_random.Next(lines.Count), _random.Next(lines.Count));
        (lines[a], lines[b]) = (lines[b], lines[a]);
        bytes.Clear();
        bytes.AddRange(string.Join('\n', lines).Select(c => (byte)c));
    }

    private static List<string> Split(List<byte> bytes) => [.. Encoding.Latin1.GetString([.. bytes]).Split('\n')];

    private void ReplaceNumber(List<byte> bytes, int from)
    {
        var start = bytes.FindIndex(from, b => b is >= (byte)'0' and <= (byte)'9');
        if (start < 0)
        {
            return;
        }

        var end = start;
        while (end < bytes.Count && bytes[end] is >= (byte)'0' and <= (byte)'9' or (byte)'.')
        {
            end++;
        }

        string[] extremes = ["-1", "0", "-99999.5", "1e308", "1e-320", "4294967296", "-2147483649", "0000000000000000000001"];
        bytes.RemoveRange(start, end - start);
        bytes.InsertRange(start, Encoding.ASCII.GetBytes(extremes[_random.Next(extremes.Length)]));
    }
}
