namespace OrleansHealth.Clinical.Model;

/// <summary>An identifier of a person in a system (SSN, passport, an MRN of one hospital). Same system and value: same person.</summary>
[GenerateSerializer, Immutable, Alias("oh.PatientIdentifier")]
public sealed record PatientIdentifier(
    [property: Id(0)] string System,
    [property: Id(1)] string Value)
{
    public override string ToString() => $"{System}|{Value}";
}
