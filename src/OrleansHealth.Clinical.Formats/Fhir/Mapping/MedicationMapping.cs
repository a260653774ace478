using Hl7.Fhir.Model;
using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Clinical.Formats.Fhir.Mapping;

/// <summary>MedicationRequest and MedicationStatement: the drug from medicationCodeableConcept or a resolvable medicationReference.</summary>
internal static class MedicationMapping
{
    public static MappedRecord Map(MedicationRequest request, FhirMappingContext context)
    {
        if (DrugCode(request.Medication, request, "MedicationRequest", context.References, out var problem) is not { } code)
        {
            return MappedRecord.Rejected(problem);
        }

        var fact = new EventFact(
            context.RecordId,
            EventKind.Medication,
            code,
            FhirValues.Instant(request.AuthoredOnElement),
            null,
            FhirValues.Literal(request.StatusElement));
        return MappedRecord.Of(context.References.Subject(request.Subject), fact);
    }

    public static MappedRecord Map(MedicationStatement statement, FhirMappingContext context)
    {
        if (DrugCode(statement.Medication, statement, "MedicationStatement", context.References, out var problem) is not { } code)
        {
            return MappedRecord.Rejected(problem);
        }

        var fact = new EventFact(
            context.RecordId,
            EventKind.Medication,
            code,
            FhirValues.Start(statement.Effective) ?? FhirValues.Instant(statement.DateAssertedElement),
            FhirValues.End(statement.Effective),
            FhirValues.Literal(statement.StatusElement));
        return MappedRecord.Of(context.References.Subject(statement.Subject), fact);
    }

    private static ClinicalCode? DrugCode(DataType? medication, DomainResource owner, string resourceType, ReferenceResolver references, out string problem)
    {
        problem = "";
        switch (medication)
        {
            case CodeableConcept concept:
                var code = FhirValues.FirstCode(concept);
                if (code is null)
                {
                    problem = $"{resourceType}.medicationCodeableConcept has no coding with a code; send the drug as a coding (e.g. RxNorm)";
                }

                return code;
            case ResourceReference reference:
                if (references.Medication(reference, owner) is not { } resolved)
                {
                    problem = $"{resourceType}.medicationReference '{reference.Reference}' does not resolve to a Medication contained in the resource or in the same Bundle; send medicationCodeableConcept or include the Medication";
                    return null;
                }

                var resolvedCode = FhirValues.FirstCode(resolved.Code);
                if (resolvedCode is null)
                {
                    problem = $"the Medication that {resourceType}.medicationReference '{reference.Reference}' names has no coded Medication.code";
                }

                return resolvedCode;
            default:
                problem = $"{resourceType} has no medication[x]";
                return null;
        }
    }
}
