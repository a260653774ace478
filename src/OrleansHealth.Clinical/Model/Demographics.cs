namespace OrleansHealth.Clinical.Model;

/// <summary>
/// What one source record says about who a patient is. Every field may be missing; identity
/// resolution and data quality treat a missing field as unknown, never as a mismatch.
/// </summary>
[GenerateSerializer, Immutable, Alias("oh.Demographics")]
public sealed record Demographics(
    [property: Id(0)] IReadOnlyList<PatientIdentifier> Identifiers,
    [property: Id(1)] string? FamilyName,
    [property: Id(2)] IReadOnlyList<string> GivenNames,
    [property: Id(3)] DateOnly? BirthDate,
    [property: Id(4)] AdministrativeSex Sex,
    [property: Id(5)] string? AddressLine,
    [property: Id(6)] string? City,
    [property: Id(7)] string? State,
    [property: Id(8)] string? PostalCode,
    [property: Id(9)] string? Phone,
    [property: Id(10)] DateOnly? DeceasedDate)
{
    public string? FirstGivenName => GivenNames.Count > 0 ? GivenNames[0] : null;
}
