using System.Diagnostics.CodeAnalysis;
using OrleansHealth.Clinical.Reading;

namespace OrleansHealth.Clinical.Formats.Csv;

/// <summary>The <c>?format=</c> names of <c>text/csv</c> bodies, and the reader for each.</summary>
public static class CsvFormats
{
    public const string SyntheaPatients = "synthea-patients";
    public const string SyntheaObservations = "synthea-observations";
    public const string SyntheaConditions = "synthea-conditions";
    public const string SyntheaMedications = "synthea-medications";
    public const string SyntheaEncounters = "synthea-encounters";
    public const string SyntheaProcedures = "synthea-procedures";
    public const string Tabular = "tabular";

    public static IReadOnlyList<string> All { get; } =
        [SyntheaPatients, SyntheaObservations, SyntheaConditions, SyntheaMedications, SyntheaEncounters, SyntheaProcedures, Tabular];

    /// <summary>The Synthea kind a format name stands for (names compare case-insensitively).</summary>
    public static bool TryGetSyntheaKind(string? format, out SyntheaCsvKind kind)
    {
        (var known, kind) = format?.ToLowerInvariant() switch
        {
            SyntheaPatients => (true, SyntheaCsvKind.Patients),
            SyntheaObservations => (true, SyntheaCsvKind.Observations),
            SyntheaConditions => (true, SyntheaCsvKind.Conditions),
            SyntheaMedications => (true, SyntheaCsvKind.Medications),
            SyntheaEncounters => (true, SyntheaCsvKind.Encounters),
            SyntheaProcedures => (true, SyntheaCsvKind.Procedures),
            _ => (false, default),
        };
        return known;
    }

    /// <summary>
    /// The reader for <paramref name="format"/>; false for an unknown name. <paramref name="idColumn"/>
    /// (the request's <c>&amp;id=</c>) applies to <c>tabular</c> only.
    /// </summary>
    public static bool TryCreateReader(
        string? format, string sourceId, string? idColumn, IngestLimits? limits, [NotNullWhen(true)] out IRecordReader? reader)
    {
        if (TryGetSyntheaKind(format, out var kind))
        {
            reader = new SyntheaCsvReader(kind, limits);
            return true;
        }

        reader = string.Equals(format, Tabular, StringComparison.OrdinalIgnoreCase) ? new TabularCsvReader(sourceId, idColumn, limits) : null;
        return reader is not null;
    }
}
