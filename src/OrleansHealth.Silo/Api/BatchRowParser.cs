using System.Text;
using System.Text.Json;

namespace OrleansHealth.Silo.Api;

/// <summary>
/// Reads one NDJSON line of a batch: <c>{"patientId": "p-…"}</c>, <c>{"features": [1.5, null, …]}</c> in
/// the definition's order (null = missing), or <c>{"features": {"Glucose": 148, …}}</c> by name (absent =
/// missing); an optional <c>"id"</c> is echoed back.
/// </summary>
/// <remarks>
/// One forward pass of a <see cref="Utf8JsonReader"/> over the line's bytes, writing the values straight
/// into the caller's row and allocating nothing for a feature row: a <see cref="JsonDocument"/> per line
/// made reading a third of the endpoint's time. The answers are still those of reading the line as a
/// whole document: the whole line is read before anything is decided, so invalid JSON anywhere wins
/// over every other complaint, and a repeated property counts by its last occurrence.
/// </remarks>
internal sealed class BatchRowParser(IReadOnlyList<string> features)
{
    private const string NotUtf8 = "not valid JSON: a string is not valid UTF-8";

    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> index = features
        .Select((f, i) => (f, i)).ToDictionary(x => x.f, x => x.i, StringComparer.OrdinalIgnoreCase)
        .GetAlternateLookup<ReadOnlySpan<char>>();

    private char[] name = new char[64];

    public int Width => features.Count;

    /// <summary>Reads a line; when the answer <see cref="BatchRow.HasFeatures"/>, <paramref name="row"/> (<see cref="Width"/> values) holds them.</summary>
    public BatchRow Parse(int line, ReadOnlySpan<byte> json, Span<float> row)
    {
        var reader = new Utf8JsonReader(json);
        try
        {
            return Read(line, json, ref reader, row);
        }
        catch (JsonException e)
        {
            return Error(line, null, $"not valid JSON: {e.Message.Split(" Path:")[0]}");
        }
        catch (InvalidOperationException)
        {
            return Error(line, null, NotUtf8);
        }
    }

    private BatchRow Read(int line, ReadOnlySpan<byte> json, ref Utf8JsonReader reader, Span<float> row)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            reader.Read();
            return Error(line, null, "each line must be a JSON object with \"patientId\" or \"features\"");
        }

        // The id and patient id are decoded only once the whole line has read as JSON (the reader is
        // copied at their values): a string that is not UTF-8 fails to decode, and that must not win.
        var id = default(Utf8JsonReader);
        var hasId = false;
        var patient = default(Utf8JsonReader);
        var isPatient = false;
        string? problem = "the line has neither \"patientId\" nor \"features\"";
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                id = reader;
                hasId = true;
                reader.Skip();
            }
            else if (reader.ValueTextEquals("patientId"u8))
            {
                reader.Read();
                patient = reader;
                isPatient = reader.TokenType == JsonTokenType.String;
                reader.Skip();
            }
            else if (reader.ValueTextEquals("features"u8))
            {
                reader.Read();
                problem = reader.TokenType switch
                {
                    JsonTokenType.StartArray => FromArray(ref reader, row),
                    JsonTokenType.StartObject => FromObject(ref reader, row),
                    _ => "\"features\" must be an array in the model's feature order or an object by feature name",
                };
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        // Anything after the object is invalid JSON, and throws here.
        reader.Read();
        var idText = hasId ? Text(json, ref id) : null;
        return isPatient ? new BatchRow(line, idText, patient.GetString(), null)
            : problem is not null ? Error(line, idText, problem)
            : new BatchRow(line, idText, null, null);
    }

    private string? FromArray(ref Utf8JsonReader reader, Span<float> row)
    {
        var count = 0;
        var firstBad = -1;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            // Past the width only the count matters (for the message), but the values must still be valid JSON.
            var ok = TryNumber(ref reader, out var value);
            if (count < row.Length)
            {
                row[count] = value;
            }

            if (!ok && firstBad < 0)
            {
                firstBad = count;
            }

            count++;
        }

        return count != features.Count ? $"the row has {count} values; the active version has {features.Count} features: {string.Join(", ", features)}"
            : firstBad >= 0 ? $"value {firstBad + 1} ('{features[firstBad]}') is not a number or null"
            : null;
    }

    private string? FromObject(ref Utf8JsonReader reader, Span<float> row)
    {
        row.Fill(float.NaN);
        string? problem = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (problem is not null)
            {
                // Past the first problem the names are not decoded (they were not before), only read over.
                reader.Skip();
                continue;
            }

            var length = Name(ref reader);
            reader.Read();
            var ok = TryNumber(ref reader, out var value);
            if (length < 0)
            {
                problem = NotUtf8;
            }
            else if (!index.TryGetValue(name.AsSpan(0, length), out var i))
            {
                problem = $"'{name.AsSpan(0, length)}' is not a feature of the active version; it has {string.Join(", ", features)}";
            }
            else if (!ok)
            {
                problem = $"'{name.AsSpan(0, length)}' is not a number or null";
            }
            else
            {
                row[i] = value;
            }
        }

        return problem;
    }

    /// <summary>The property name, unescaped into <see cref="name"/> so that looking it up costs no string; -1 when it is not UTF-8.</summary>
    private int Name(ref Utf8JsonReader reader)
    {
        // A name never has more UTF-16 units than its escaped UTF-8 bytes.
        if (reader.ValueSpan.Length > name.Length)
        {
            name = new char[reader.ValueSpan.Length];
        }

        try
        {
            return reader.CopyString(name);
        }
        catch (InvalidOperationException)
        {
            return -1;
        }
    }

    /// <summary>A number or null (missing, NaN); anything else is skipped and refused.</summary>
    private static bool TryNumber(ref Utf8JsonReader reader, out float number)
    {
        number = float.NaN;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var d) && double.IsFinite(d))
        {
            number = (float)d;
            return true;
        }

        reader.Skip();
        return false;
    }

    /// <summary>The id as it is echoed: a string's value, "" for null, True/False, or a number, array or object as written.</summary>
    private static string Text(ReadOnlySpan<byte> json, ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString()!;
            case JsonTokenType.Null:
                return "";
            case JsonTokenType.True:
                return bool.TrueString;
            case JsonTokenType.False:
                return bool.FalseString;
            case JsonTokenType.Number:
                return Encoding.UTF8.GetString(reader.ValueSpan);
            default:
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                return Encoding.UTF8.GetString(json[start..(int)reader.BytesConsumed]);
        }
    }

    private static BatchRow Error(int line, string? id, string reason) => new(line, id, null, reason);
}
