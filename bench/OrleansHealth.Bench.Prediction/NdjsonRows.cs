using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;

namespace OrleansHealth.Bench.Prediction;

/// <summary>
/// The batch endpoint's request body, and reading it the way the endpoint does without scoring: the
/// input cost alone, to compare the end-to-end rate with.
/// </summary>
internal static class NdjsonRows
{
    /// <summary><c>{"features":[…]}</c> per line, the values as the CSV wrote them, the rows <paramref name="copies"/> times.</summary>
    public static byte[] Body(IReadOnlyList<string> rows, int copies)
    {
        var text = new StringBuilder();
        for (var c = 0; c < copies; c++)
        {
            foreach (var row in rows)
            {
                text.Append("{\"features\":[").Append(row).Append("]}\n");
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>
    /// Reads every line as the endpoint does (src/OrleansHealth.Silo/Api/NdjsonLines.cs and BatchRowParser.cs:
    /// a PipeReader split at newlines, each line copied out and parsed with <see cref="JsonDocument"/>, the
    /// "features" array read into a float row) and returns the number of rows read.
    /// </summary>
    public static async Task<int> ParseAsync(byte[] body, int width)
    {
        var reader = PipeReader.Create(new MemoryStream(body, writable: false));
        var rows = 0;
        while (true)
        {
            var result = await reader.ReadAsync();
            var buffer = result.Buffer;
            var lines = new List<byte[]>();
            while (buffer.PositionOf((byte)'\n') is { } end)
            {
                lines.Add(buffer.Slice(0, end).ToArray());
                buffer = buffer.Slice(buffer.GetPosition(1, end));
            }

            if (result.IsCompleted && buffer.Length > 0)
            {
                lines.Add(buffer.ToArray());
                buffer = buffer.Slice(buffer.End);
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
            foreach (var line in lines)
            {
                if (Parse(line, width) is not null)
                {
                    rows++;
                }
            }

            if (result.IsCompleted)
            {
                break;
            }
        }

        await reader.CompleteAsync();
        return rows;
    }

    /// <summary>
    /// What-if: the same rows read with a <see cref="Utf8JsonReader"/> straight over each line of the body
    /// (no copy of the line, no <see cref="JsonDocument"/>), to show how much of the input cost is the parser.
    /// </summary>
    public static int ParseLean(byte[] body, int width)
    {
        var rows = 0;
        var row = new float[width];
        var span = body.AsSpan();
        while (span.Length > 0)
        {
            var end = span.IndexOf((byte)'\n');
            var line = end < 0 ? span : span[..end];
            span = end < 0 ? [] : span[(end + 1)..];
            var reader = new Utf8JsonReader(line);
            var count = -1;
            while (reader.Read())
            {
                if (count < 0 && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("features"u8))
                {
                    count = 0;
                }
                else if (count >= 0 && reader.TokenType is JsonTokenType.Number or JsonTokenType.Null && count < width)
                {
                    row[count++] = reader.TokenType == JsonTokenType.Number ? (float)reader.GetDouble() : float.NaN;
                }
                else if (count >= 0 && reader.TokenType == JsonTokenType.EndArray)
                {
                    break;
                }
            }

            if (count == width)
            {
                rows++;
            }
        }

        return rows;
    }

    private static float[]? Parse(ReadOnlySpan<byte> json, int width)
    {
        using var document = JsonDocument.Parse(json.ToArray());
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        _ = root.TryGetProperty("id", out _);
        if (root.TryGetProperty("patientId", out _) || !root.TryGetProperty("features", out var values) || values.ValueKind != JsonValueKind.Array
            || values.GetArrayLength() != width)
        {
            return null;
        }

        var row = new float[width];
        var i = 0;
        foreach (var value in values.EnumerateArray())
        {
            row[i++] = value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var d) && double.IsFinite(d) ? (float)d : float.NaN;
        }

        return row;
    }
}
