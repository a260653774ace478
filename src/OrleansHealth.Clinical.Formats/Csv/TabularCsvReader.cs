using System.Runtime.CompilerServices;
using OrleansHealth.Clinical.Formats.Csv.Tabular;
using OrleansHealth.Clinical.Model;
using OrleansHealth.Clinical.Reading;

namespace OrleansHealth.Clinical.Formats.Csv;

/// <summary>
/// Reads a <c>tabular</c> CSV: one row per patient, one column per feature (the shape of ML data
/// sets such as Pima diabetes). Each row yields a PatientFact (no demographics; record id
/// <c>row/{id}</c>) and an ObservationFact per other non-empty column, coded in
/// <see cref="CodeSystems.Tabular"/> by column name (record id <c>row/{id}#{column}</c>).
/// </summary>
/// <param name="sourceId">The source whose code system the columns become.</param>
/// <param name="idColumn">The column holding the patient's local id; null numbers the rows <c>row-1</c>, <c>row-2</c>, ….</param>
public sealed class TabularCsvReader(string sourceId, string? idColumn = null, IngestLimits? limits = null) : IRecordReader
{
    private static readonly Demographics NoDemographics =
        new([], null, [], null, AdministrativeSex.Unknown, null, null, null, null, null, null);

    private readonly IngestLimits limits = limits ?? IngestLimits.Default;
    private readonly string codeSystem = CodeSystems.Tabular(sourceId);

    public async IAsyncEnumerable<ReadItem> ReadAsync(Stream body, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var records = CsvRecords.Open(body, limits);
        var header = await records.ReadHeaderAsync(cancellationToken).ConfigureAwait(false);
        if (header.Length == 0)
        {
            throw new InputFormatException("The body is empty; a tabular CSV starts with a header row naming its columns, then one row per patient.");
        }

        var hasRow = await records.ReadAsync(cancellationToken).ConfigureAwait(false);
        var columns = TabularColumns.Name(header, hasRow ? records.FieldCount : 0);
        var idIndex = IdIndex(columns);
        var codes = columns.Select(column => new ClinicalCode(codeSystem, column)).ToArray();
        var rowNumber = 0;
        while (hasRow)
        {
            rowNumber++;
            var line = records.Line;
            var raw = records.Raw;
            var id = idIndex < 0 ? $"row-{rowNumber}" : records.Field(idIndex).Trim();
            if (id.Length == 0)
            {
                yield return new RecordRejected(line, $"the id column '{columns[idIndex]}' is empty", raw);
            }
            else
            {
                var subject = SubjectRef.Local(id);
                yield return new FactRead(line, subject, new PatientFact($"row/{id}", NoDemographics, null), raw);
                var fields = Math.Min(records.FieldCount, columns.Length);
                for (var i = 0; i < fields; i++)
                {
                    var value = i == idIndex ? "" : records.Field(i).Trim();
                    if (value.Length > 0)
                    {
                        yield return new FactRead(line, subject, Observation(id, codes[i], value), raw);
                    }
                }
            }

            hasRow = await records.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static ObservationFact Observation(string id, ClinicalCode code, string value) =>
        CsvNumbers.TryParse(value, out var number)
            ? new ObservationFact($"row/{id}#{code.Code}", code, number, null, null, null, null)
            : new ObservationFact($"row/{id}#{code.Code}", code, null, null, null, value, null);

    private int IdIndex(string[] columns)
    {
        if (idColumn is null)
        {
            return -1;
        }

        var index = Array.FindIndex(columns, column => string.Equals(column, idColumn.Trim(), StringComparison.OrdinalIgnoreCase));
        return index >= 0
            ? index
            : throw new InputFormatException($"The id column '{idColumn}' is not in the CSV; its columns are {string.Join(", ", columns)}.", 1);
    }
}
