using OrleansHealth.Clinical.Identity.Comparison;
using OrleansHealth.Clinical.Identity.Profiles;
using OrleansHealth.Clinical.Identity.Tests.Fixtures;

namespace OrleansHealth.Clinical.Identity.Tests.Comparison;

public sealed class ComparisonVectorTests
{
    [Fact]
    public void Of_Levels_ReadBackByField()
    {
        var vector = ComparisonVector.Of(FieldAgreement.Exact, FieldAgreement.Nickname, FieldAgreement.Transposed);

        Assert.Equal(FieldAgreement.Exact, vector[MatchField.FamilyName]);
        Assert.Equal(FieldAgreement.Nickname, vector[MatchField.GivenName]);
        Assert.Equal(FieldAgreement.Transposed, vector[MatchField.BirthDate]);
        Assert.Equal(FieldAgreement.Missing, vector[MatchField.PersonIdentifier]);
    }

    [Fact]
    public void With_ChangesOneField()
    {
        var vector = ComparisonVector.Of(FieldAgreement.Exact, FieldAgreement.Exact).With(MatchField.GivenName, FieldAgreement.Disagree);

        Assert.Equal(ComparisonVector.Of(FieldAgreement.Exact, FieldAgreement.Disagree), vector);
    }

    [Fact]
    public void Compare_NoisyPairOfRobert_ExpectedVector()
    {
        var a = PersonProfile.From(People.Robert);
        var b = PersonProfile.From(People.Robert.WithoutIdentifiers() with
        {
            GivenNames = ["BOB"],
            FamilyName = "MOSCSIKI",
            BirthDate = new DateOnly(1984, 7, 3),
            Phone = "(555) 259-9533",
            PostalCode = null,
            Sex = Clinical.Model.AdministrativeSex.Unknown,
        });

        Assert.Equal(
            ComparisonVector.Of(
                FieldAgreement.Typo,
                FieldAgreement.Nickname,
                FieldAgreement.Transposed,
                FieldAgreement.Missing,
                FieldAgreement.Exact,
                FieldAgreement.Missing,
                FieldAgreement.Exact,
                FieldAgreement.Missing),
            ProfileComparer.Compare(a, b));
    }
}
