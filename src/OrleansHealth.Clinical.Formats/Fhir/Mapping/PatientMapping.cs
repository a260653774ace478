using Hl7.Fhir.Model;
using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Clinical.Formats.Fhir.Mapping;

internal static class PatientMapping
{
    public static MappedRecord Map(Patient patient, FhirMappingContext context)
    {
        var name = PreferredName(patient.Name);
        var address = patient.Address.FirstOrDefault();
        var demographics = new Demographics(
            Identifiers: Identifiers(patient.Identifier),
            FamilyName: NullIfEmpty(name?.Family),
            GivenNames: GivenNames(name),
            BirthDate: FhirValues.CalendarDate(patient.BirthDate),
            Sex: Sex(patient.Gender),
            AddressLine: NullIfEmpty(address?.Line.FirstOrDefault()),
            City: NullIfEmpty(address?.City),
            State: NullIfEmpty(address?.State),
            PostalCode: NullIfEmpty(address?.PostalCode),
            Phone: NullIfEmpty(patient.Telecom.FirstOrDefault(t => t.System == ContactPoint.ContactPointSystem.Phone && !string.IsNullOrEmpty(t.Value))?.Value),
            DeceasedDate: patient.Deceased is FhirDateTime deceased ? FhirValues.CalendarDate(deceased.Value) : null);

        var fact = new PatientFact(context.RecordId, demographics, patient.Meta?.LastUpdated);
        return MappedRecord.Of(ReferenceResolver.OwnSubject(patient, context.FullUrl), fact);
    }

    /// <summary>The official name when there is one (Synthea adds maiden names after it), else usual, else the first.</summary>
    private static HumanName? PreferredName(List<HumanName> names) =>
        names.FirstOrDefault(n => n.Use == HumanName.NameUse.Official)
        ?? names.FirstOrDefault(n => n.Use == HumanName.NameUse.Usual)
        ?? names.FirstOrDefault();

    private static List<string> GivenNames(HumanName? name)
    {
        var given = new List<string>();
        foreach (var part in name?.Given ?? [])
        {
            if (!string.IsNullOrEmpty(part))
            {
                given.Add(part);
            }
        }

        return given;
    }

    private static List<PatientIdentifier> Identifiers(List<Identifier> identifiers)
    {
        var result = new List<PatientIdentifier>(identifiers.Count);
        foreach (var identifier in identifiers)
        {
            // An identifier without a system cannot say which namespace the value belongs to, so it
            // cannot link two records; it is left out rather than guessed.
            if (!string.IsNullOrEmpty(identifier.System) && !string.IsNullOrEmpty(identifier.Value))
            {
                result.Add(new PatientIdentifier(identifier.System, identifier.Value));
            }
        }

        return result;
    }

    private static AdministrativeSex Sex(AdministrativeGender? gender) => gender switch
    {
        AdministrativeGender.Female => AdministrativeSex.Female,
        AdministrativeGender.Male => AdministrativeSex.Male,
        AdministrativeGender.Other => AdministrativeSex.Other,
        _ => AdministrativeSex.Unknown,
    };

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
