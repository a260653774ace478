using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Clinical.Formats.Csv.Synthea;

/// <summary><c>encounters.csv</c>: SNOMED-coded visits with their own Id, so the record id is <c>Encounter/{Id}</c>.</summary>
internal sealed class SyntheaEncounterRows : SyntheaRowMapper
{
    public override string Format => CsvFormats.SyntheaEncounters;

    public override IReadOnlyList<string> Required { get; } = ["Id", "START", "PATIENT", "CODE"];

    public override IReadOnlyList<string> Optional { get; } = ["STOP", "ENCOUNTERCLASS", "DESCRIPTION"];

    public override MappedRecord Map(SyntheaRow row)
    {
        var firstProblem = ReadInstant(row, "START", required: true, out var start);
        var secondProblem = ReadInstant(row, "STOP", required: false, out var stop);
        if ((firstProblem ?? secondProblem) is { } problem)
        {
            return MappedRecord.Rejected(problem);
        }

        var code = row.Value("CODE");
        if (code.Length == 0)
        {
            return MappedRecord.Rejected("CODE is empty; every encounter row needs its SNOMED code");
        }

        var id = row.Value("Id");
        var fact = new EventFact(
            id.Length > 0 ? $"Encounter/{id}" : row.HashedRecordId(Format),
            EventKind.Encounter,
            new ClinicalCode(CodeSystems.Snomed, code, row.Optional("DESCRIPTION")),
            start,
            stop,
            Status: null);
        return MappedRecord.Of(row.Subject("PATIENT"), fact);
    }
}
