using Hl7.Fhir.Model;

namespace OrleansHealth.Clinical.Formats.Fhir.Mapping;

/// <summary>Maps the resource types a profile holds into canonical facts; every other type is skipped by the readers.</summary>
internal static class FhirResourceMapper
{
    public static bool Supports(string resourceType) => resourceType is
        "Patient" or "Observation" or "Condition" or "MedicationRequest" or "MedicationStatement"
        or "Encounter" or "AllergyIntolerance" or "Immunization" or "Procedure";

    public static MappedRecord Map(Resource resource, FhirMappingContext context) => resource switch
    {
        Patient patient => PatientMapping.Map(patient, context),
        Observation observation => ObservationMapping.Map(observation, context),
        Condition condition => ConditionMapping.Map(condition, context),
        MedicationRequest request => MedicationMapping.Map(request, context),
        MedicationStatement statement => MedicationMapping.Map(statement, context),
        Encounter encounter => EncounterMapping.Map(encounter, context),
        AllergyIntolerance allergy => AllergyMapping.Map(allergy, context),
        Immunization immunization => ImmunizationMapping.Map(immunization, context),
        Procedure procedure => ProcedureMapping.Map(procedure, context),
        _ => throw new ArgumentException($"{resource.TypeName} is not a mapped resource type; check Supports first.", nameof(resource)),
    };
}
