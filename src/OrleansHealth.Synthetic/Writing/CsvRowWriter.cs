using System.Globalization;
using System.Text;

namespace OrleansHealth.Synthetic.Writing;

/// <summary>
/// Writes RFC 4180 CSV rows with LF line ends (as Synthea does): a field is quoted only when it
/// holds a comma, quote or line break. Numbers and dates are culture-invariant.
/// </summary>
internal sealed class CsvRowWriter : IDisposable
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);
    private readonly StreamWriter writer;
    private bool atLineStart = true;

    public CsvRowWriter(Stream stream, string header)
    {
        writer = new StreamWriter(stream, Utf8NoBom, bufferSize: 1 << 16) { NewLine = "\n" };
        writer.Write(header);
        writer.Write('\n');
    }

    public CsvRowWriter Field(string? value)
    {
        Separator();
        if (string.IsNullOrEmpty(value))
        {
            return this;
        }

        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            writer.Write(value);
        }
        else
        {
            writer.Write('"');
            writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
            writer.Write('"');
        }

        return this;
    }

    public CsvRowWriter Field(double value) => Formatted(value, null);

    /// <summary>A number with a fixed format such as <c>0.00</c> (money) or <c>0.######</c> (probabilities).</summary>
    public CsvRowWriter Field(double value, string format) => Formatted(value, format);

    public CsvRowWriter Field(int value) => Formatted(value, null);

    public CsvRowWriter Field(bool value) => Field(value ? "true" : "false");

    public CsvRowWriter Field(DateOnly? value) => value is { } date ? Formatted(date, "yyyy'-'MM'-'dd") : Field((string?)null);

    /// <summary>Synthea's timestamp form: 2023-10-10T04:17:47Z.</summary>
    public CsvRowWriter Field(DateTimeOffset? value)
    {
        if (value is not { } time)
        {
            return Field((string?)null);
        }

        Separator();
        Span<char> buffer = stackalloc char[20];
        FhirJson.FormatDateTime(time, buffer);
        writer.Write(buffer);
        return this;
    }

    public void EndRow()
    {
        writer.Write('\n');
        atLineStart = true;
    }

    public void Dispose() => writer.Dispose();

    private CsvRowWriter Formatted<T>(T value, string? format)
        where T : ISpanFormattable
    {
        Separator();
        Span<char> buffer = stackalloc char[32];
        if (!value.TryFormat(buffer, out var written, format, CultureInfo.InvariantCulture))
        {
            writer.Write(value.ToString(format, CultureInfo.InvariantCulture));
            return this;
        }

        writer.Write(buffer[..written]);
        return this;
    }

    private void Separator()
    {
        if (!atLineStart)
        {
            writer.Write(',');
        }

        atLineStart = false;
    }
}
