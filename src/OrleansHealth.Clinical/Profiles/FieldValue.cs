namespace OrleansHealth.Clinical.Profiles;

/// <summary>One value of a demographic field as one source record stated it.</summary>
[GenerateSerializer, Immutable, Alias("oh.FieldValue")]
public sealed record FieldValue(
    [property: Id(0)] string Value,
    [property: Id(1)] Provenance Source);
