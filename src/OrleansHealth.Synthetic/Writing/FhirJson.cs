using System.Text.Encodings.Web;
using System.Text.Json;

namespace OrleansHealth.Synthetic.Writing;

/// <summary>Settings and small helpers shared by the FHIR JSON writers.</summary>
internal static class FhirJson
{
    public const string UcumSystem = "http://unitsofmeasure.org";

    /// <summary>
    /// Relaxed escaping keeps names such as O'Brien and phones such as +1 617 … readable in the
    /// files; the output is never embedded in HTML, which is what the default escaping guards.
    /// </summary>
    public static JsonWriterOptions WriterOptions { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A FHIR instant / dateTime in UTC with seconds: 2023-10-15T14:46:00Z.</summary>
    public static void WriteDateTime(Utf8JsonWriter writer, string name, DateTimeOffset value)
    {
        Span<char> buffer = stackalloc char[20];
        FormatDateTime(value, buffer);
        writer.WriteString(name, buffer);
    }

    public static void FormatDateTime(DateTimeOffset value, Span<char> buffer)
    {
        var utc = value.UtcDateTime;
        utc.TryFormat(buffer, out _, "yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
    }

    public static void WriteDate(Utf8JsonWriter writer, string name, DateOnly value)
    {
        Span<char> buffer = stackalloc char[10];
        value.TryFormat(buffer, out _, "yyyy'-'MM'-'dd", System.Globalization.CultureInfo.InvariantCulture);
        writer.WriteString(name, buffer);
    }
}
