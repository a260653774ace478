using System.Text;
using OrleansHealth.Clinical.Model;
using OrleansHealth.Clinical.Reading;

namespace OrleansHealth.Clinical.Formats.Csv.Synthea;

/// <summary>
/// The current row of a Synthea CSV, read by column name: columns are matched case-insensitively and
/// in any order, so exports that add a column (CATEGORY in newer observations) read the same.
/// </summary>
internal sealed class SyntheaRow
{
    private const char Separator = '\u001F';

    private readonly CsvRecords records;
    private readonly Dictionary<string, int> columns;
    private readonly IReadOnlyList<string> identity;

    private SyntheaRow(CsvRecords records, Dictionary<string, int> columns, IReadOnlyList<string> identity)
    {
        this.records = records;
        this.columns = columns;
        this.identity = identity;
    }

    /// <summary>Binds the header to what <paramref name="mapper"/> reads; a required column that is missing fails the whole body.</summary>
    public static SyntheaRow Bind(CsvRecords records, string[] headers, SyntheaRowMapper mapper)
    {
        if (headers.Length == 0)
        {
            throw new InputFormatException($"The body is empty; a {mapper.Format} CSV starts with its header row ({string.Join(",", mapper.Required)}, …).");
        }

        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < headers.Length; i++)
        {
            columns.TryAdd(headers[i], i);
        }

        var missing = mapper.Required.Where(name => !columns.ContainsKey(name)).ToList();
        if (missing.Count > 0)
        {
            throw new InputFormatException(
                $"The {mapper.Format} CSV is missing the required column(s) {string.Join(", ", missing)}; its header has {string.Join(", ", headers)}.",
                1);
        }

        return new SyntheaRow(records, columns, [.. mapper.Required, .. mapper.Optional]);
    }

    /// <summary>The trimmed value, or empty when the column is absent or the row is short.</summary>
    public string Value(string column) =>
        columns.TryGetValue(column, out var index) && index < records.FieldCount ? records.Field(index).Trim() : "";

    public string? Optional(string column) => Value(column) is { Length: > 0 } value ? value : null;

    /// <summary>A missing patient is kept as a missing subject: validation quarantines it with that reason.</summary>
    public SubjectRef Subject(string column) => Optional(column) is { } patient ? SubjectRef.Local(patient) : new SubjectRef(null);

    /// <summary>
    /// <c>{format}/sha256:…</c> over the values the format reads, in a fixed order: the same row
    /// re-sent, re-quoted or with its columns reordered is the same record.
    /// </summary>
    public string HashedRecordId(string format)
    {
        var text = new StringBuilder();
        foreach (var column in identity)
        {
            text.Append(Value(column)).Append(Separator);
        }

        return RecordIds.Hashed(format, Encoding.UTF8.GetBytes(text.ToString()));
    }
}
