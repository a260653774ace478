using OrleansHealth.Clinical.Identity.Comparison;
using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Clinical.Identity.Tests.Comparison;

public sealed class IdentifierComparisonTests
{
    private static readonly PatientIdentifier Ssn = new(CodeSystems.Ssn, "999175017");
    private static readonly PatientIdentifier OtherSsn = new(CodeSystems.Ssn, "999508136");
    private static readonly PatientIdentifier SsnTypo = new(CodeSystems.Ssn, "999175018");
    private static readonly PatientIdentifier Passport = new(CodeSystems.Passport, "X1234567");

    [Fact]
    public void Compare_SameValueInOneSystem_Exact() =>
        Assert.Equal(FieldAgreement.Exact, IdentifierComparison.Compare([Passport, Ssn], [Ssn]));

    [Fact]
    public void Compare_OneEditApart_Typo() => Assert.Equal(FieldAgreement.Typo, IdentifierComparison.Compare([Ssn], [SsnTypo]));

    [Fact]
    public void Compare_DifferentValuesOfOneSystem_Disagree() => Assert.Equal(FieldAgreement.Disagree, IdentifierComparison.Compare([Ssn], [OtherSsn]));

    [Fact]
    public void Compare_NoSharedSystem_Missing() => Assert.Equal(FieldAgreement.Missing, IdentifierComparison.Compare([Ssn], [Passport]));

    [Fact]
    public void Compare_OneSystemAgreesAnotherDisagrees_Exact() =>
        Assert.Equal(FieldAgreement.Exact, IdentifierComparison.Compare([OtherSsn, Passport], [Ssn, Passport]));
}
