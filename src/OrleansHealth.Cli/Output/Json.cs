using System.Globalization;
using System.Text.Json;

namespace OrleansHealth.Cli.Output;

/// <summary>Reading the cluster's JSON answers for tables: a missing or null property is an empty cell.</summary>
public static class Json
{
    public static string Text(this JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.Null or JsonValueKind.Undefined => "",
            JsonValueKind.Number => value.GetDouble().ToString("G6", CultureInfo.InvariantCulture),
            _ => value.GetRawText(),
        } : "";

    public static double Number(this JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : double.NaN;

    public static IEnumerable<JsonElement> Items(this JsonElement element, string? name = null)
    {
        var list = name is null ? element : element.TryGetProperty(name, out var value) ? value : default;
        return list.ValueKind == JsonValueKind.Array ? list.EnumerateArray() : [];
    }

    public static string Count(this JsonElement element, string name) =>
        double.IsNaN(element.Number(name)) ? "" : element.Number(name).ToString("N0", CultureInfo.InvariantCulture);

    public static string Percent(double value) => double.IsNaN(value) ? "" : value.ToString("P1", CultureInfo.InvariantCulture);
}
