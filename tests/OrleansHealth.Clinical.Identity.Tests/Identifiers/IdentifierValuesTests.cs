using OrleansHealth.Clinical.Identity.Identifiers;
using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Clinical.Identity.Tests.Identifiers;

public sealed class IdentifierValuesTests
{
    [Theory]
    [InlineData("999-17-5017", "999175017")]
    [InlineData("999 17 5017", "999175017")]
    [InlineData("999175017", "999175017")]
    public void Normalize_Ssn_NineDigits(string value, string expected) => Assert.Equal(expected, IdentifierValues.Normalize(CodeSystems.Ssn, value));

    [Theory]
    [InlineData("000-12-3456")]
    [InlineData("666-12-3456")]
    [InlineData("999-00-1234")]
    [InlineData("999-12-0000")]
    [InlineData("111-11-1111")]
    [InlineData("123-45-6789")]
    [InlineData("12345678")]
    [InlineData("1234567890")]
    [InlineData("")]
    [InlineData(null)]
    public void Normalize_PlaceholderOrMalformedSsn_Null(string? value) => Assert.Null(IdentifierValues.Normalize(CodeSystems.Ssn, value));

    [Theory]
    [InlineData(CodeSystems.Passport, "x 1234-567", "X1234567")]
    [InlineData(CodeSystems.DriversLicense, "s99983256", "S99983256")]
    public void Normalize_OtherSystems_UpperLettersAndDigits(string system, string value, string expected) =>
        Assert.Equal(expected, IdentifierValues.Normalize(system, value));

    [Fact]
    public void Normalize_OnlyPunctuation_Null() => Assert.Null(IdentifierValues.Normalize(CodeSystems.Passport, "--"));
}
