using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Clinical.Formats.Csv.Synthea;

/// <summary>
/// <c>conditions.csv</c>, <c>medications.csv</c> and <c>procedures.csv</c>: START, STOP, PATIENT, CODE, DESCRIPTION. The
/// status is what Synthea's own FHIR export derives from STOP: active while open, else
/// <paramref name="endedStatus"/> (resolved, stopped, completed).
/// </summary>
internal sealed class SyntheaEventRows(string format, EventKind kind, string codeSystem, string endedStatus) : SyntheaRowMapper
{
    public override string Format => format;

    public override IReadOnlyList<string> Required { get; } = ["START", "PATIENT", "CODE"];

    public override IReadOnlyList<string> Optional { get; } = ["STOP", "ENCOUNTER", "DESCRIPTION"];

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
            return MappedRecord.Rejected($"CODE is empty; every {kind.ToString().ToLowerInvariant()} row needs its code");
        }

        var fact = new EventFact(
            row.HashedRecordId(Format),
            kind,
            new ClinicalCode(codeSystem, code, row.Optional("DESCRIPTION")),
            start,
            stop,
            stop is null ? "active" : endedStatus);
        return MappedRecord.Of(row.Subject("PATIENT"), fact);
    }
}
