using OrleansHealth.Clinical.Identity.Identifiers;
using OrleansHealth.Clinical.Identity.Tests.Fixtures;
using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Clinical.Identity.Tests.Identifiers;

public sealed class PersonIdentifiersTests
{
    private const string HospitalMrn = "urn:oid:2.16.840.1.113883.19.5.1";

    [Fact]
    public void Of_MixedIdentifiers_PersonLevelNormalisedInPriorityOrder()
    {
        var demographics = People.Person("Ann", "Lee", null, otherIdentifiers:
        [
            new PatientIdentifier(HospitalMrn, "00012345"),
            new PatientIdentifier(CodeSystems.Passport, "x1234567"),
            new PatientIdentifier(CodeSystems.Ssn, "999-17-5017"),
            new PatientIdentifier(CodeSystems.Ssn, "999175017"),
            new PatientIdentifier(CodeSystems.Ssn, "000-00-0000"),
        ]);

        var identifiers = PersonIdentifiers.Of(demographics, PersonIdentifierSystems.Default);

        Assert.Equal(
            [new PatientIdentifier(CodeSystems.Ssn, "999175017"), new PatientIdentifier(CodeSystems.Passport, "X1234567")],
            identifiers);
    }

    [Fact]
    public void Of_SharedMrnSystemAdded_CountsAsPersonLevel()
    {
        var demographics = People.Person("Ann", "Lee", null, otherIdentifiers: [new PatientIdentifier(HospitalMrn, "00012345")]);

        var identifiers = PersonIdentifiers.Of(demographics, PersonIdentifierSystems.Default.With(HospitalMrn));

        Assert.Equal([new PatientIdentifier(HospitalMrn, "00012345")], identifiers);
    }

    [Fact]
    public void Systems_Default_SsnPassportDriversLicence()
    {
        var systems = PersonIdentifierSystems.Default;
        Assert.Equal([CodeSystems.Ssn, CodeSystems.Passport, CodeSystems.DriversLicense], systems.Systems);
        Assert.Equal(0, systems.RankOf(CodeSystems.Ssn));
        Assert.Equal(-1, systems.RankOf(HospitalMrn));
        Assert.False(systems.Contains(CodeSystems.SourceLocal("ehr")));
    }
}
