using OrleansHealth.Clinical.Identity.Comparison;

namespace OrleansHealth.Clinical.Identity.Tests.Comparison;

public sealed class ContactComparisonTests
{
    [Theory]
    [InlineData("5552599533", "5552599533", FieldAgreement.Exact)]
    [InlineData("5552599533", "2599533", FieldAgreement.Exact)]
    [InlineData("5552599533", "5552599543", FieldAgreement.Typo)]
    [InlineData("5552599533", "5552595933", FieldAgreement.Typo)]
    [InlineData("5552599533", "6175550123", FieldAgreement.Disagree)]
    [InlineData(null, "5552599533", FieldAgreement.Missing)]
    public void Phone_Pairs_Level(string? a, string? b, FieldAgreement expected) => Assert.Equal(expected, ContactComparison.Phone(a, b));

    [Theory]
    [InlineData("02155", "02155", FieldAgreement.Exact)]
    [InlineData("02155", "02139", FieldAgreement.Partial)]
    [InlineData("02155", "90210", FieldAgreement.Disagree)]
    [InlineData("02155", null, FieldAgreement.Missing)]
    public void PostalCode_Pairs_Level(string? a, string? b, FieldAgreement expected) => Assert.Equal(expected, ContactComparison.PostalCode(a, b));

    [Theory]
    [InlineData("784 STAMM LOCK # 46", "784 STAMM LOCK # 46", FieldAgreement.Exact)]
    [InlineData("784 STAMM LOCK # 46", "784 STAM LOCK # 46", FieldAgreement.Typo)]
    [InlineData("784 STAMM LOCK # 46", "12 MAIN ST", FieldAgreement.Disagree)]
    [InlineData(null, "12 MAIN ST", FieldAgreement.Missing)]
    public void AddressLine_Pairs_Level(string? a, string? b, FieldAgreement expected) => Assert.Equal(expected, ContactComparison.AddressLine(a, b));
}
