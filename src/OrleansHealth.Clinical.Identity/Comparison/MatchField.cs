namespace OrleansHealth.Clinical.Identity.Comparison;

/// <summary>The fields two records are compared on. Values are positions in a <see cref="ComparisonVector"/>; never renumber.</summary>
[GenerateSerializer, Alias("oh.identity.MatchField")]
public enum MatchField
{
    FamilyName = 0,
    GivenName = 1,
    BirthDate = 2,
    Sex = 3,
    Phone = 4,
    PostalCode = 5,
    AddressLine = 6,

    /// <summary>Person-level identifiers (SSN, passport, …) of a system both records carry.</summary>
    PersonIdentifier = 7,
}
