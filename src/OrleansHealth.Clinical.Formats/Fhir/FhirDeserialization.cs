using Hl7.Fhir.Serialization;
using Hl7.Fhir.Validation;

namespace OrleansHealth.Clinical.Formats.Fhir;

/// <summary>
/// The one Firely deserializer every FHIR reader shares. Strict mode: every real export in the
/// reference data parses cleanly under it, and it is the only mode that refuses what a person would
/// call malformed (a date that is not a date, an unknown element, a missing required element, an
/// unknown resource type) instead of parking it in overflow where a later property access throws.
/// The narrative's XHTML is not checked: it is display text no fact is taken from, and a sloppy
/// narrative must not cost a record whose data is sound.
/// </summary>
internal static class FhirDeserialization
{
    public static FhirJsonDeserializer Deserializer { get; } =
        new(new DeserializerSettings().UsingMode(DeserializationMode.Strict, NarrativeValidationKind.None));
}
