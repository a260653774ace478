using System.Text.Json;

namespace OrleansHealth.Silo.Api;

/// <summary>
/// Reads one NDJSON line of a batch: <c>{"patientId": "p-…"}</c>, <c>{"features": [1.5, null, …]}</c> in
/// the definition's order (null = missing), or <c>{"features": {"Glucose": 148, …}}</c> by name (absent =
/// missing); an optional <c>"id"</c> is echoed back.
/// </summary>
internal sealed class BatchRowParser(IReadOnlyList<string> features)
{
    private readonly Dictionary<string, int> index = features.Select((f, i) => (f, i)).ToDictionary(x => x.f, x => x.i, StringComparer.OrdinalIgnoreCase);

    public BatchRow Parse(int line, ReadOnlySpan<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Error(line, null, "each line must be a JSON object with \"patientId\" or \"features\"");
            }

            var id = root.TryGetProperty("id", out var idValue) ? idValue.ToString() : null;
            if (root.TryGetProperty("patientId", out var patient) && patient.ValueKind == JsonValueKind.String)
            {
                return new BatchRow(line, id, patient.GetString(), null, null);
            }

            if (!root.TryGetProperty("features", out var values))
            {
                return Error(line, id, "the line has neither \"patientId\" nor \"features\"");
            }

            return values.ValueKind switch
            {
                JsonValueKind.Array => FromArray(line, id, values),
                JsonValueKind.Object => FromObject(line, id, values),
                _ => Error(line, id, "\"features\" must be an array in the model's feature order or an object by feature name"),
            };
        }
        catch (JsonException e)
        {
            return Error(line, null, $"not valid JSON: {e.Message.Split(" Path:")[0]}");
        }
    }

    private BatchRow FromArray(int line, string? id, JsonElement values)
    {
        if (values.GetArrayLength() != features.Count)
        {
            return Error(line, id, $"the row has {values.GetArrayLength()} values; the active version has {features.Count} features: {string.Join(", ", features)}");
        }

        var row = new float[features.Count];
        var i = 0;
        foreach (var value in values.EnumerateArray())
        {
            if (!TryNumber(value, out row[i]))
            {
                return Error(line, id, $"value {i + 1} ('{features[i]}') is not a number or null");
            }

            i++;
        }

        return new BatchRow(line, id, null, row, null);
    }

    private BatchRow FromObject(int line, string? id, JsonElement values)
    {
        var row = Enumerable.Repeat(float.NaN, features.Count).ToArray();
        foreach (var property in values.EnumerateObject())
        {
            if (!index.TryGetValue(property.Name, out var i))
            {
                return Error(line, id, $"'{property.Name}' is not a feature of the active version; it has {string.Join(", ", features)}");
            }

            if (!TryNumber(property.Value, out row[i]))
            {
                return Error(line, id, $"'{property.Name}' is not a number or null");
            }
        }

        return new BatchRow(line, id, null, row, null);
    }

    private static bool TryNumber(JsonElement value, out float number)
    {
        number = float.NaN;
        if (value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var d) && double.IsFinite(d))
        {
            number = (float)d;
            return true;
        }

        return false;
    }

    private static BatchRow Error(int line, string? id, string reason) => new(line, id, null, null, reason);
}
