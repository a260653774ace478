using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Clinical.Formats.Csv.Synthea;

/// <summary>Maps the rows of one Synthea CSV file kind into facts.</summary>
internal abstract class SyntheaRowMapper
{
    /// <summary>The <c>?format=</c> name, also the prefix of hashed record ids.</summary>
    public abstract string Format { get; }

    public abstract IReadOnlyList<string> Required { get; }

    public abstract IReadOnlyList<string> Optional { get; }

    public abstract MappedRecord Map(SyntheaRow row);

    public static SyntheaRowMapper For(SyntheaCsvKind kind) => kind switch
    {
        SyntheaCsvKind.Patients => new SyntheaPatientRows(),
        SyntheaCsvKind.Observations => new SyntheaObservationRows(),
        SyntheaCsvKind.Conditions => new SyntheaEventRows(CsvFormats.SyntheaConditions, EventKind.Condition, CodeSystems.Snomed, "resolved"),
        SyntheaCsvKind.Medications => new SyntheaEventRows(CsvFormats.SyntheaMedications, EventKind.Medication, CodeSystems.RxNorm, "stopped"),
        SyntheaCsvKind.Encounters => new SyntheaEncounterRows(),
        SyntheaCsvKind.Procedures => new SyntheaEventRows(CsvFormats.SyntheaProcedures, EventKind.Procedure, CodeSystems.Snomed, "completed"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a Synthea CSV kind."),
    };

    /// <summary>Null when the column holds an ISO date or date-time (or is empty and not required), else the reason.</summary>
    protected static string? ReadInstant(SyntheaRow row, string column, bool required, out DateTimeOffset? instant)
    {
        instant = null;
        var text = row.Value(column);
        if (text.Length == 0)
        {
            return required ? $"{column} is empty" : null;
        }

        if (!SyntheaValues.TryInstant(text, out var parsed))
        {
            return $"{column} '{text}' is not an ISO 8601 date or date-time (yyyy-MM-dd or yyyy-MM-ddTHH:mm:ssZ)";
        }

        instant = parsed;
        return null;
    }

    protected static string? ReadDate(SyntheaRow row, string column, out DateOnly? date)
    {
        date = null;
        var text = row.Value(column);
        if (text.Length == 0)
        {
            return null;
        }

        if (!SyntheaValues.TryDate(text, out var parsed))
        {
            return $"{column} '{text}' is not an ISO 8601 date (yyyy-MM-dd)";
        }

        date = parsed;
        return null;
    }
}
