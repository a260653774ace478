using Hl7.Fhir.Model;
using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Clinical.Formats.Fhir.Mapping;

internal static class ProcedureMapping
{
    public static MappedRecord Map(Procedure procedure, FhirMappingContext context)
    {
        if (FhirValues.FirstCode(procedure.Code) is not { } code)
        {
            return MappedRecord.Uncoded("Procedure.code");
        }

        var fact = new EventFact(
            context.RecordId,
            EventKind.Procedure,
            code,
            FhirValues.Start(procedure.Performed),
            FhirValues.End(procedure.Performed),
            FhirValues.Literal(procedure.StatusElement));
        return MappedRecord.Of(context.References.Subject(procedure.Subject), fact);
    }
}
