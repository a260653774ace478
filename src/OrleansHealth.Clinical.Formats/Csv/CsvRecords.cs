using System.Text;
using CsvHelper;
using OrleansHealth.Clinical.Reading;

namespace OrleansHealth.Clinical.Formats.Csv;

/// <summary>
/// CsvHelper's streaming reader with the ingest limits applied: it never grows its buffer much past
/// the bytes a row of <see cref="IngestLimits.MaxLineLength"/> characters can take (so an
/// over-long row is refused before it is all read), and each row and field is checked in characters.
/// </summary>
internal sealed class CsvRecords : IAsyncDisposable
{
    // A UTF-16 character is at most three UTF-8 bytes, so this byte bound never refuses a row the
    // character limit allows; the exact character check follows once the row is in.
    private const int MaxBytesPerCharacter = 3;

    private readonly CsvReader reader;
    private readonly IngestLimits limits;

    private CsvRecords(CsvReader reader, IngestLimits limits)
    {
        this.reader = reader;
        this.limits = limits;
    }

    public static CsvRecords Open(Stream body, IngestLimits limits)
    {
        var options = CsvReaderOptions.Default with
        {
            // Detection could pick ';' or '|' from odd data; these formats are comma-separated by definition.
            Separator = ',',
            HasHeader = true,
            TrackLineNumbers = true,
            MaxRecordSize = (int)Math.Min((long)limits.MaxLineLength * MaxBytesPerCharacter, int.MaxValue),
        };
        return new CsvRecords(CsvReader.Create(body, options, leaveOpen: true), limits);
    }

    /// <summary>The 1-based physical line where the current row starts (the header is line 1).</summary>
    public int Line => (int)reader.LineNumber;

    public int FieldCount => reader.FieldCount;

    /// <summary>The current row as it appears in the input, without its line break.</summary>
    public string Raw => Encoding.UTF8.GetString(reader.RawRecord);

    public string Field(int index) => reader.GetString(index);

    /// <summary>The header names, trimmed; empty for an empty body.</summary>
    public async ValueTask<string[]> ReadHeaderAsync(CancellationToken cancellationToken)
    {
        try
        {
            await reader.ReadHeaderAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (CsvFormatException e)
        {
            throw Translate(e);
        }

        var headers = reader.Headers.Select(name => name.Trim()).ToArray();
        foreach (var name in headers)
        {
            if (name.Length > limits.MaxCsvFieldLength)
            {
                throw new InputFormatException(
                    $"A header name is longer than {limits.MaxCsvFieldLength} characters (MaxCsvFieldLength).", 1, tooLarge: true);
            }
        }

        return headers;
    }

    public async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        bool read;
        try
        {
            read = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (CsvFormatException e)
        {
            throw Translate(e);
        }

        if (read)
        {
            CheckLimits();
        }

        return read;
    }

    public ValueTask DisposeAsync() => reader.DisposeAsync();

    private void CheckLimits()
    {
        var record = reader.RawRecord;
        if (record.Length > limits.MaxLineLength && Utf8Text.Utf16Length(record) > limits.MaxLineLength)
        {
            throw RowTooLong(Line);
        }

        // A field cannot be longer than its row, so short rows (nearly all) skip the per-field check.
        if (record.Length <= limits.MaxCsvFieldLength)
        {
            return;
        }

        for (var i = 0; i < reader.FieldCount; i++)
        {
            var field = reader.GetSpan(i);
            if (field.Length > limits.MaxCsvFieldLength && Utf8Text.Utf16Length(field) > limits.MaxCsvFieldLength)
            {
                throw new InputFormatException(
                    $"Field {i + 1} of the row at line {Line} is longer than {limits.MaxCsvFieldLength} characters (MaxCsvFieldLength).",
                    Line,
                    tooLarge: true);
            }
        }
    }

    /// <summary>With quoting recovered and ragged rows allowed, CsvHelper throws only for the size bound or undecodable input.</summary>
    private InputFormatException Translate(CsvFormatException e)
    {
        int? line = e.LineNumber > 0 ? (int)e.LineNumber : null;
        return e.Message.Contains(nameof(CsvReaderOptions.MaxRecordSize), StringComparison.Ordinal)
            ? RowTooLong(line)
            : new InputFormatException($"The CSV cannot be read: {e.Message}", line);
    }

    private InputFormatException RowTooLong(int? line) => new(
        $"{(line is null ? "A row" : $"The row at line {line}")} is longer than {limits.MaxLineLength} characters (MaxLineLength); check for an unclosed quote or split the row.",
        line,
        tooLarge: true);
}
