using System.Text.Json;
using OrleansHealth.Clinical.Model;
using OrleansHealth.Synthetic.Sources;

namespace OrleansHealth.Synthetic.Writing;

/// <summary>
/// Writes the FHIR R4 resources of one source patient with Utf8JsonWriter, no object model in
/// between. References are <c>urn:uuid:{id}</c> inside a Bundle and <c>Type/{id}</c> in NDJSON.
/// </summary>
internal sealed class FhirResourceWriter(bool urnReferences)
{
    private const string IdentifierTypeSystem = "http://terminology.hl7.org/CodeSystem/v2-0203";
    private const string ObservationCategorySystem = "http://terminology.hl7.org/CodeSystem/observation-category";
    private const string ConditionClinicalSystem = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    private const string ConditionVerificationSystem = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
    private const string ConditionCategorySystem = "http://terminology.hl7.org/CodeSystem/condition-category";

    public static string ResourceType(EventKind kind) => kind switch
    {
        EventKind.Condition => "Condition",
        EventKind.Medication => "MedicationRequest",
        EventKind.Procedure => "Procedure",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "The generator writes no such event."),
    };

    public void WritePatient(Utf8JsonWriter writer, SourcePatient patient)
    {
        var d = patient.Demographics;
        writer.WriteStartObject();
        writer.WriteString("resourceType", "Patient");
        writer.WriteString("id", patient.LocalId);
        writer.WriteStartObject("meta");
        FhirJson.WriteDateTime(writer, "lastUpdated", patient.LastUpdated);
        writer.WriteEndObject();

        writer.WriteStartArray("identifier");
        foreach (var identifier in d.Identifiers)
        {
            var isSsn = identifier.System == CodeSystems.Ssn;
            writer.WriteStartObject();
            writer.WriteString("use", isSsn ? "secondary" : "usual");
            writer.WriteStartObject("type");
            WriteCoding(writer, IdentifierTypeSystem, isSsn ? "SS" : "MR", isSsn ? "Social Security number" : "Medical record number");
            writer.WriteEndObject();
            writer.WriteString("system", identifier.System);
            writer.WriteString("value", identifier.Value);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray("name");
        writer.WriteStartObject();
        writer.WriteString("use", "official");
        if (d.FamilyName is not null)
        {
            writer.WriteString("family", d.FamilyName);
        }

        writer.WriteStartArray("given");
        foreach (var given in d.GivenNames)
        {
            writer.WriteStringValue(given);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();

        if (d.Phone is not null)
        {
            writer.WriteStartArray("telecom");
            writer.WriteStartObject();
            writer.WriteString("system", "phone");
            writer.WriteString("value", d.Phone);
            writer.WriteString("use", "home");
            writer.WriteEndObject();
            writer.WriteEndArray();
        }

        writer.WriteString("gender", d.Sex switch
        {
            AdministrativeSex.Female => "female",
            AdministrativeSex.Male => "male",
            AdministrativeSex.Other => "other",
            _ => "unknown",
        });
        if (d.BirthDate is { } birthDate)
        {
            FhirJson.WriteDate(writer, "birthDate", birthDate);
        }

        writer.WriteStartArray("address");
        writer.WriteStartObject();
        writer.WriteString("use", "home");
        if (d.AddressLine is not null)
        {
            writer.WriteStartArray("line");
            writer.WriteStringValue(d.AddressLine);
            writer.WriteEndArray();
        }

        WriteOptional(writer, "city", d.City);
        WriteOptional(writer, "state", d.State);
        WriteOptional(writer, "postalCode", d.PostalCode);
        writer.WriteString("country", "US");
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public void WriteEncounter(Utf8JsonWriter writer, SourcePatient patient, SourceEncounter encounter)
    {
        writer.WriteStartObject();
        writer.WriteString("resourceType", "Encounter");
        writer.WriteString("id", encounter.Id);
        writer.WriteString("status", "finished");
        writer.WriteStartObject("class");
        writer.WriteString("system", CodeSystems.EncounterClass);
        writer.WriteString("code", SourceEncounter.ActCode);
        writer.WriteString("display", "ambulatory");
        writer.WriteEndObject();
        writer.WriteStartArray("type");
        WriteCodeableConcept(writer, encounter.Code);
        writer.WriteEndArray();
        WriteReference(writer, "subject", "Patient", patient.LocalId);
        writer.WriteStartObject("period");
        FhirJson.WriteDateTime(writer, "start", encounter.Start);
        FhirJson.WriteDateTime(writer, "end", encounter.End);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public void WriteObservation(Utf8JsonWriter writer, SourcePatient patient, SourceEncounter encounter, SourceObservation observation)
    {
        writer.WriteStartObject();
        writer.WriteString("resourceType", "Observation");
        writer.WriteString("id", observation.Id);
        writer.WriteString("status", "final");
        writer.WriteStartArray("category");
        writer.WriteStartObject();
        WriteCoding(writer, ObservationCategorySystem, observation.Category, observation.Category == "laboratory" ? "Laboratory" : "Vital Signs");
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WritePropertyName("code");
        WriteCodeableConcept(writer, observation.Code);
        WriteReference(writer, "subject", "Patient", patient.LocalId);
        WriteReference(writer, "encounter", "Encounter", encounter.Id);
        FhirJson.WriteDateTime(writer, "effectiveDateTime", observation.EffectiveAt);
        FhirJson.WriteDateTime(writer, "issued", observation.EffectiveAt);
        if (observation.IsPanel)
        {
            writer.WriteStartArray("component");
            foreach (var value in observation.Values)
            {
                writer.WriteStartObject();
                writer.WritePropertyName("code");
                WriteCodeableConcept(writer, value.Code);
                WriteQuantity(writer, value);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }
        else
        {
            WriteQuantity(writer, observation.Values[0]);
        }

        writer.WriteEndObject();
    }

    public void WriteEvent(Utf8JsonWriter writer, SourcePatient patient, SourceEncounter encounter, SourceEvent item)
    {
        writer.WriteStartObject();
        writer.WriteString("resourceType", ResourceType(item.Kind));
        writer.WriteString("id", item.Id);
        switch (item.Kind)
        {
            case EventKind.Condition:
                writer.WriteStartObject("clinicalStatus");
                WriteCoding(writer, ConditionClinicalSystem, item.End is null ? "active" : "resolved", null);
                writer.WriteEndObject();
                writer.WriteStartObject("verificationStatus");
                WriteCoding(writer, ConditionVerificationSystem, "confirmed", null);
                writer.WriteEndObject();
                writer.WriteStartArray("category");
                writer.WriteStartObject();
                WriteCoding(writer, ConditionCategorySystem, "encounter-diagnosis", "Encounter Diagnosis");
                writer.WriteEndObject();
                writer.WriteEndArray();
                writer.WritePropertyName("code");
                WriteCodeableConcept(writer, item.Code);
                WriteReference(writer, "subject", "Patient", patient.LocalId);
                WriteReference(writer, "encounter", "Encounter", encounter.Id);
                FhirJson.WriteDateTime(writer, "onsetDateTime", item.Start);
                if (item.End is { } abatement)
                {
                    FhirJson.WriteDateTime(writer, "abatementDateTime", abatement);
                }

                FhirJson.WriteDateTime(writer, "recordedDate", item.Start);
                break;

            case EventKind.Medication:
                writer.WriteString("status", item.End is null ? "active" : "completed");
                writer.WriteString("intent", "order");
                writer.WritePropertyName("medicationCodeableConcept");
                WriteCodeableConcept(writer, item.Code);
                WriteReference(writer, "subject", "Patient", patient.LocalId);
                WriteReference(writer, "encounter", "Encounter", encounter.Id);
                FhirJson.WriteDateTime(writer, "authoredOn", item.Start);
                WriteReason(writer, item.Reason);
                break;

            default:
                writer.WriteString("status", "completed");
                writer.WritePropertyName("code");
                WriteCodeableConcept(writer, item.Code);
                WriteReference(writer, "subject", "Patient", patient.LocalId);
                WriteReference(writer, "encounter", "Encounter", encounter.Id);
                writer.WriteStartObject("performedPeriod");
                FhirJson.WriteDateTime(writer, "start", item.Start);
                FhirJson.WriteDateTime(writer, "end", item.End ?? item.Start);
                writer.WriteEndObject();
                WriteReason(writer, item.Reason);
                break;
        }

        writer.WriteEndObject();
    }

    public string Reference(string resourceType, string id) => urnReferences ? "urn:uuid:" + id : resourceType + "/" + id;

    private void WriteReference(Utf8JsonWriter writer, string name, string resourceType, string id)
    {
        writer.WriteStartObject(name);
        writer.WriteString("reference", Reference(resourceType, id));
        writer.WriteEndObject();
    }

    private static void WriteReason(Utf8JsonWriter writer, ClinicalCode? reason)
    {
        if (reason is null)
        {
            return;
        }

        writer.WriteStartArray("reasonCode");
        WriteCodeableConcept(writer, reason);
        writer.WriteEndArray();
    }

    private static void WriteQuantity(Utf8JsonWriter writer, SourceQuantity quantity)
    {
        writer.WriteStartObject("valueQuantity");
        writer.WriteNumber("value", quantity.Value);
        writer.WriteString("unit", quantity.Unit);
        writer.WriteString("system", FhirJson.UcumSystem);
        writer.WriteString("code", quantity.Unit);
        writer.WriteEndObject();
    }

    private static void WriteCodeableConcept(Utf8JsonWriter writer, ClinicalCode code)
    {
        writer.WriteStartObject();
        WriteCoding(writer, code.System, code.Code, code.Display);
        if (code.Display is not null)
        {
            writer.WriteString("text", code.Display);
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes <c>"coding": [ { system, code, display } ]</c> into the open object.</summary>
    private static void WriteCoding(Utf8JsonWriter writer, string system, string code, string? display)
    {
        writer.WriteStartArray("coding");
        writer.WriteStartObject();
        writer.WriteString("system", system);
        writer.WriteString("code", code);
        if (display is not null)
        {
            writer.WriteString("display", display);
        }

        writer.WriteEndObject();
        writer.WriteEndArray();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
