using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Clinical.Profiles;

/// <summary>An identifier in a profile and the first record that stated it.</summary>
[GenerateSerializer, Immutable, Alias("oh.ProvenancedIdentifier")]
public sealed record ProvenancedIdentifier(
    [property: Id(0)] PatientIdentifier Identifier,
    [property: Id(1)] Provenance Source);
