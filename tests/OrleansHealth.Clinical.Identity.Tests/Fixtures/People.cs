using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Clinical.Identity.Tests.Fixtures;

/// <summary>Hand-made demographics for scenario tests: one complete person, varied with <c>with</c>.</summary>
internal static class People
{
    public static Demographics Robert { get; } = Person(
        given: "Robert",
        family: "Mosciski958",
        birthDate: new DateOnly(1984, 3, 7),
        sex: AdministrativeSex.Male,
        address: "784 Stamm Lock Unit 46",
        postalCode: "02155",
        phone: "555-259-9533",
        ssn: "999-17-5017");

    public static Demographics Person(
        string? given,
        string? family,
        DateOnly? birthDate,
        AdministrativeSex sex = AdministrativeSex.Unknown,
        string? address = null,
        string? postalCode = null,
        string? phone = null,
        string? ssn = null,
        params PatientIdentifier[] otherIdentifiers)
    {
        var identifiers = new List<PatientIdentifier>(otherIdentifiers);
        if (ssn is not null)
        {
            identifiers.Insert(0, new PatientIdentifier(CodeSystems.Ssn, ssn));
        }

        return new Demographics(
            identifiers,
            family,
            given is null ? [] : [given],
            birthDate,
            sex,
            address,
            City: null,
            State: null,
            postalCode,
            phone,
            DeceasedDate: null);
    }

    public static Demographics WithoutIdentifiers(this Demographics demographics) => demographics with { Identifiers = [] };

    public static Demographics WithGiven(this Demographics demographics, params string[] given) => demographics with { GivenNames = given };
}
