using Hl7.Fhir.Model;
using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Clinical.Formats.Fhir.Mapping;

internal static class AllergyMapping
{
    public static MappedRecord Map(AllergyIntolerance allergy, FhirMappingContext context)
    {
        if (FhirValues.FirstCode(allergy.Code) is not { } code)
        {
            return MappedRecord.Uncoded("AllergyIntolerance.code");
        }

        var fact = new EventFact(
            context.RecordId,
            EventKind.Allergy,
            code,
            FhirValues.Start(allergy.Onset) ?? FhirValues.Instant(allergy.RecordedDateElement),
            null,
            FhirValues.FirstCode(allergy.ClinicalStatus)?.Code);
        return MappedRecord.Of(context.References.Subject(allergy.Patient), fact);
    }
}
