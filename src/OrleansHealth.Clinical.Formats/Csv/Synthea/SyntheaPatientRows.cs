using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Clinical.Formats.Csv.Synthea;

/// <summary><c>patients.csv</c>: one PatientFact per row, its subject the row's own Id.</summary>
internal sealed class SyntheaPatientRows : SyntheaRowMapper
{
    public override string Format => CsvFormats.SyntheaPatients;

    public override IReadOnlyList<string> Required { get; } = ["Id", "BIRTHDATE", "FIRST", "LAST", "GENDER"];

    public override IReadOnlyList<string> Optional { get; } = ["DEATHDATE", "SSN", "DRIVERS", "PASSPORT", "ADDRESS", "CITY", "STATE", "ZIP"];

    private static readonly (string Column, string System)[] IdentifierColumns =
    [
        ("SSN", CodeSystems.Ssn),
        ("DRIVERS", CodeSystems.DriversLicense),
        ("PASSPORT", CodeSystems.Passport),
    ];

    public override MappedRecord Map(SyntheaRow row)
    {
        var id = row.Value("Id");
        if (id.Length == 0)
        {
            return MappedRecord.Rejected("Id is empty; every patient row needs its Synthea Id");
        }

        var firstProblem = ReadDate(row, "BIRTHDATE", out var birthDate);
        var secondProblem = ReadDate(row, "DEATHDATE", out var deathDate);
        if ((firstProblem ?? secondProblem) is { } problem)
        {
            return MappedRecord.Rejected(problem);
        }

        var identifiers = new List<PatientIdentifier>(IdentifierColumns.Length);
        foreach (var (column, system) in IdentifierColumns)
        {
            if (row.Optional(column) is { } value)
            {
                identifiers.Add(new PatientIdentifier(system, value));
            }
        }

        var first = row.Optional("FIRST");
        var demographics = new Demographics(
            identifiers,
            row.Optional("LAST"),
            first is null ? [] : [first],
            birthDate,
            Sex(row.Value("GENDER")),
            row.Optional("ADDRESS"),
            row.Optional("CITY"),
            row.Optional("STATE"),
            row.Optional("ZIP"),
            Phone: null,
            deathDate);
        return MappedRecord.Of(SubjectRef.Local(id), new PatientFact($"Patient/{id}", demographics, null));
    }

    private static AdministrativeSex Sex(string gender) => gender.ToUpperInvariant() switch
    {
        "F" or "FEMALE" => AdministrativeSex.Female,
        "M" or "MALE" => AdministrativeSex.Male,
        "O" or "OTHER" => AdministrativeSex.Other,
        _ => AdministrativeSex.Unknown,
    };
}
