using Hl7.Fhir.Model;
using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Clinical.Formats.Fhir.Mapping;

internal static class EncounterMapping
{
    public static MappedRecord Map(Encounter encounter, FhirMappingContext context)
    {
        // The type says what the visit was for; the class (ambulatory, inpatient) is the fallback.
        var code = encounter.Type.Select(FhirValues.FirstCode).FirstOrDefault(c => c is not null) ?? FhirValues.CodeOf(encounter.Class);
        if (code is null)
        {
            return MappedRecord.Uncoded("Encounter.type and Encounter.class");
        }

        var fact = new EventFact(
            context.RecordId,
            EventKind.Encounter,
            code,
            FhirValues.Start(encounter.Period),
            FhirValues.End(encounter.Period),
            FhirValues.Literal(encounter.StatusElement));
        return MappedRecord.Of(context.References.Subject(encounter.Subject), fact);
    }
}
