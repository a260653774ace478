using Hl7.Fhir.Model;
using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Clinical.Formats.Fhir.Mapping;

internal static class ImmunizationMapping
{
    public static MappedRecord Map(Immunization immunization, FhirMappingContext context)
    {
        if (FhirValues.FirstCode(immunization.VaccineCode) is not { } code)
        {
            return MappedRecord.Uncoded("Immunization.vaccineCode");
        }

        var fact = new EventFact(
            context.RecordId,
            EventKind.Immunization,
            code,
            FhirValues.Start(immunization.Occurrence),
            null,
            FhirValues.Literal(immunization.StatusElement));
        return MappedRecord.Of(context.References.Subject(immunization.Patient), fact);
    }
}
