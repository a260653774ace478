using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Clinical.Formats.Csv.Synthea;

/// <summary><c>observations.csv</c>: LOINC-coded values, numeric or text as TYPE says (or as VALUE parses when TYPE is absent).</summary>
internal sealed class SyntheaObservationRows : SyntheaRowMapper
{
    public override string Format => CsvFormats.SyntheaObservations;

    public override IReadOnlyList<string> Required { get; } = ["DATE", "PATIENT", "CODE", "VALUE"];

    public override IReadOnlyList<string> Optional { get; } = ["ENCOUNTER", "DESCRIPTION", "UNITS", "TYPE"];

    public override MappedRecord Map(SyntheaRow row)
    {
        if (ReadInstant(row, "DATE", required: true, out var effectiveAt) is { } problem)
        {
            return MappedRecord.Rejected(problem);
        }

        var code = row.Value("CODE");
        if (code.Length == 0)
        {
            return MappedRecord.Rejected("CODE is empty; every observation needs its LOINC code");
        }

        var value = row.Value("VALUE");
        var type = row.Value("TYPE");
        double? number = null;
        string? text = null;
        if (value.Length > 0)
        {
            var isText = type.Equals("text", StringComparison.OrdinalIgnoreCase);
            if (!isText && CsvNumbers.TryParse(value, out var parsed))
            {
                number = parsed;
            }
            else if (type.Equals("numeric", StringComparison.OrdinalIgnoreCase))
            {
                return MappedRecord.Rejected($"VALUE '{value}' is not a number, but TYPE is numeric");
            }
            else
            {
                text = value;
            }
        }

        var fact = new ObservationFact(
            row.HashedRecordId(Format),
            new ClinicalCode(CodeSystems.Loinc, code, row.Optional("DESCRIPTION")),
            number,
            row.Optional("UNITS"),
            null,
            text,
            effectiveAt);
        return MappedRecord.Of(row.Subject("PATIENT"), fact);
    }
}
