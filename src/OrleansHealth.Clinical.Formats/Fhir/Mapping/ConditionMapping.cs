using Hl7.Fhir.Model;
using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Clinical.Formats.Fhir.Mapping;

internal static class ConditionMapping
{
    public static MappedRecord Map(Condition condition, FhirMappingContext context)
    {
        if (FhirValues.FirstCode(condition.Code) is not { } code)
        {
            return MappedRecord.Uncoded("Condition.code");
        }

        var fact = new EventFact(
            context.RecordId,
            EventKind.Condition,
            code,
            FhirValues.Start(condition.Onset),
            FhirValues.Start(condition.Abatement),
            FhirValues.FirstCode(condition.ClinicalStatus)?.Code);
        return MappedRecord.Of(context.References.Subject(condition.Subject), fact);
    }
}
