using OrleansHealth.Clinical.Model;
using OrleansHealth.Synthetic.Sources;

namespace OrleansHealth.Synthetic.Writing;

/// <summary>
/// Writes Synthea v3 CSV files with Synthea's own headers: patients, encounters, observations
/// (one row per value, so blood pressure is two rows), conditions, medications and procedures.
/// Synthea's patients.csv has no phone or MRN column, so those are not in this format. A patient
/// sent twice has each of its rows twice.
/// </summary>
internal sealed class SyntheaCsvSink : IFeedSink
{
    public const string PatientsHeader = "Id,BIRTHDATE,DEATHDATE,SSN,DRIVERS,PASSPORT,PREFIX,FIRST,LAST,SUFFIX,MAIDEN,MARITAL,RACE,ETHNICITY,GENDER,BIRTHPLACE,ADDRESS,CITY,STATE,COUNTY,ZIP,LAT,LON,HEALTHCARE_EXPENSES,HEALTHCARE_COVERAGE";
    public const string EncountersHeader = "Id,START,STOP,PATIENT,ORGANIZATION,PROVIDER,PAYER,ENCOUNTERCLASS,CODE,DESCRIPTION,BASE_ENCOUNTER_COST,TOTAL_CLAIM_COST,PAYER_COVERAGE,REASONCODE,REASONDESCRIPTION";
    public const string ObservationsHeader = "DATE,PATIENT,ENCOUNTER,CATEGORY,CODE,DESCRIPTION,VALUE,UNITS,TYPE";
    public const string ConditionsHeader = "START,STOP,PATIENT,ENCOUNTER,CODE,DESCRIPTION";
    public const string MedicationsHeader = "START,STOP,PATIENT,PAYER,ENCOUNTER,CODE,DESCRIPTION,BASE_COST,PAYER_COVERAGE,DISPENSES,TOTALCOST,REASONCODE,REASONDESCRIPTION";
    public const string ProceduresHeader = "START,STOP,PATIENT,ENCOUNTER,CODE,DESCRIPTION,BASE_COST,REASONCODE,REASONDESCRIPTION";

    /// <summary>File names in the order a reader should ingest them, with the ingest API's CSV format name.</summary>
    public static readonly (string File, string Format)[] Files =
    [
        ("patients.csv", "synthea-patients"),
        ("encounters.csv", "synthea-encounters"),
        ("observations.csv", "synthea-observations"),
        ("conditions.csv", "synthea-conditions"),
        ("medications.csv", "synthea-medications"),
        ("procedures.csv", "synthea-procedures"),
    ];

    private readonly CsvRowWriter patients;
    private readonly CsvRowWriter encounters;
    private readonly CsvRowWriter observations;
    private readonly CsvRowWriter conditions;
    private readonly CsvRowWriter medications;
    private readonly CsvRowWriter procedures;

    public SyntheaCsvSink(IDocumentTarget target, string folder)
    {
        patients = new CsvRowWriter(target.Create($"{folder}/patients.csv"), PatientsHeader);
        encounters = new CsvRowWriter(target.Create($"{folder}/encounters.csv"), EncountersHeader);
        observations = new CsvRowWriter(target.Create($"{folder}/observations.csv"), ObservationsHeader);
        conditions = new CsvRowWriter(target.Create($"{folder}/conditions.csv"), ConditionsHeader);
        medications = new CsvRowWriter(target.Create($"{folder}/medications.csv"), MedicationsHeader);
        procedures = new CsvRowWriter(target.Create($"{folder}/procedures.csv"), ProceduresHeader);
    }

    public void Write(SourcePatient patient)
    {
        WriteAll(patient);
        if (patient.SentTwice)
        {
            WriteAll(patient);
        }
    }

    public void Complete()
    {
    }

    public void Dispose()
    {
        patients.Dispose();
        encounters.Dispose();
        observations.Dispose();
        conditions.Dispose();
        medications.Dispose();
        procedures.Dispose();
    }

    private void WriteAll(SourcePatient patient)
    {
        WritePatient(patient);
        foreach (var encounter in patient.Encounters)
        {
            WriteEncounter(patient, encounter);
            foreach (var observation in encounter.Observations)
            {
                foreach (var value in observation.Values)
                {
                    observations.Field(observation.EffectiveAt).Field(patient.LocalId).Field(encounter.Id).Field(observation.Category)
                        .Field(value.Code.Code).Field(value.Code.Display).Field(value.Value).Field(value.Unit).Field("numeric").EndRow();
                }
            }

            foreach (var item in encounter.Events)
            {
                WriteEvent(patient, encounter, item);
            }
        }
    }

    private void WritePatient(SourcePatient patient)
    {
        var d = patient.Demographics;
        string? ssn = null;
        foreach (var identifier in d.Identifiers)
        {
            if (identifier.System == CodeSystems.Ssn)
            {
                ssn = identifier.Value;
            }
        }

        var gender = d.Sex switch
        {
            AdministrativeSex.Female => "F",
            AdministrativeSex.Male => "M",
            _ => null,
        };
        patients.Field(patient.LocalId).Field(d.BirthDate).Field(d.DeceasedDate).Field(ssn).Field((string?)null).Field((string?)null)
            .Field((string?)null).Field(d.FirstGivenName).Field(d.FamilyName).Field((string?)null).Field((string?)null).Field((string?)null)
            .Field((string?)null).Field((string?)null).Field(gender).Field((string?)null).Field(d.AddressLine).Field(d.City).Field(d.State)
            .Field((string?)null).Field(d.PostalCode).Field((string?)null).Field((string?)null).Field(0.0, "0.00").Field(0.0, "0.00").EndRow();
    }

    private void WriteEncounter(SourcePatient patient, SourceEncounter encounter)
    {
        var cost = encounter.Kind == Population.VisitKind.CheckUp ? 136.80 : 85.55;
        var reason = encounter.Kind == Population.VisitKind.DiabetesDiagnosis ? Clinical.SyntheticCodes.Type2Diabetes : null;
        encounters.Field(encounter.Id).Field(encounter.Start).Field(encounter.End).Field(patient.LocalId).Field(patient.Source.OrganizationId)
            .Field(patient.Source.ProviderId).Field(patient.Source.PayerId).Field(encounter.SyntheaClass).Field(encounter.Code.Code)
            .Field(encounter.Code.Display).Field(cost, "0.00").Field(cost, "0.00").Field(0.0, "0.00").Field(reason?.Code).Field(reason?.Display).EndRow();
    }

    private void WriteEvent(SourcePatient patient, SourceEncounter encounter, SourceEvent item)
    {
        switch (item.Kind)
        {
            case EventKind.Condition:
                conditions.Field(DateOnly.FromDateTime(item.Start.UtcDateTime)).Field(item.End is { } end ? DateOnly.FromDateTime(end.UtcDateTime) : null)
                    .Field(patient.LocalId).Field(encounter.Id).Field(item.Code.Code).Field(item.Code.Display).EndRow();
                break;
            case EventKind.Medication:
                medications.Field(item.Start).Field(item.End).Field(patient.LocalId).Field(patient.Source.PayerId).Field(encounter.Id)
                    .Field(item.Code.Code).Field(item.Code.Display).Field(12.0, "0.00").Field(0.0, "0.00").Field(1).Field(12.0, "0.00")
                    .Field(item.Reason?.Code).Field(item.Reason?.Display).EndRow();
                break;
            default:
                procedures.Field(item.Start).Field(item.End).Field(patient.LocalId).Field(encounter.Id).Field(item.Code.Code)
                    .Field(item.Code.Display).Field(516.65, "0.00").Field(item.Reason?.Code).Field(item.Reason?.Display).EndRow();
                break;
        }
    }
}
