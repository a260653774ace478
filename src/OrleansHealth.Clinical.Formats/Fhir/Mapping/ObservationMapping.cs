using System.Globalization;
using Hl7.Fhir.Model;
using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Clinical.Formats.Fhir.Mapping;

/// <summary>
/// One fact per Observation, or one per component (blood pressure 85354-9 → 8480-6 and 8462-4) with
/// record ids <c>Observation/id#componentCode</c>; the panel itself is a fact only when it has a value.
/// </summary>
internal static class ObservationMapping
{
    private const string Ucum = "http://unitsofmeasure.org";

    public static MappedRecord Map(Observation observation, FhirMappingContext context)
    {
        if (FhirValues.FirstCode(observation.Code) is not { } code)
        {
            return MappedRecord.Uncoded("Observation.code");
        }

        var effectiveAt = FhirValues.Start(observation.Effective) ?? observation.Issued;
        var facts = new List<IClinicalFact>(1 + observation.Component.Count);
        if (observation.Value is not null || observation.Component.Count == 0)
        {
            facts.Add(Fact(context.RecordId, code, observation.Value, effectiveAt));
        }

        for (var i = 0; i < observation.Component.Count; i++)
        {
            var component = observation.Component[i];
            if (FhirValues.FirstCode(component.Code) is not { } componentCode)
            {
                return MappedRecord.Uncoded($"Observation.component[{i}].code");
            }

            facts.Add(Fact($"{context.RecordId}#{componentCode.Code}", componentCode, component.Value, effectiveAt));
        }

        return MappedRecord.Of(context.References.Subject(observation.Subject), facts);
    }

    private static ObservationFact Fact(string recordId, ClinicalCode code, DataType? value, DateTimeOffset? effectiveAt) => value switch
    {
        Quantity quantity => new ObservationFact(recordId, code, (double?)quantity.Value, UnitOf(quantity), null, null, effectiveAt),
        CodeableConcept concept when FhirValues.FirstCode(concept) is { } valueCode =>
            new ObservationFact(recordId, code, null, null, valueCode, null, effectiveAt),
        CodeableConcept concept => new ObservationFact(recordId, code, null, null, null, concept.Text, effectiveAt),
        Integer integer => new ObservationFact(recordId, code, integer.Value, null, null, null, effectiveAt),
        FhirBoolean flag => new ObservationFact(recordId, code, null, null, null, flag.Value is { } b ? (b ? "true" : "false") : null, effectiveAt),
        PrimitiveType primitive => new ObservationFact(recordId, code, null, null, null, Convert.ToString(primitive.JsonValue, CultureInfo.InvariantCulture), effectiveAt),
        _ => new ObservationFact(recordId, code, null, null, null, null, effectiveAt),
    };

    /// <summary>The UCUM code when there is one (it is what unit normalisation understands), else the display unit.</summary>
    private static string? UnitOf(Quantity quantity)
    {
        if (!string.IsNullOrEmpty(quantity.Code) && (quantity.System is null || quantity.System == Ucum))
        {
            return quantity.Code;
        }

        return !string.IsNullOrEmpty(quantity.Unit) ? quantity.Unit : string.IsNullOrEmpty(quantity.Code) ? null : quantity.Code;
    }
}
