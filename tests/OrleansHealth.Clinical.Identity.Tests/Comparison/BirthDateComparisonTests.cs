using OrleansHealth.Clinical.Identity.Comparison;

namespace OrleansHealth.Clinical.Identity.Tests.Comparison;

public sealed class BirthDateComparisonTests
{
    [Theory]
    [InlineData("1980-03-04", "1980-03-04", FieldAgreement.Exact)]
    [InlineData("1980-03-04", "1980-04-03", FieldAgreement.Transposed)]
    [InlineData("1980-12-11", "1980-11-12", FieldAgreement.Transposed)]
    [InlineData("1980-03-04", "1980-03-05", FieldAgreement.Typo)]
    [InlineData("1980-03-04", "1981-03-04", FieldAgreement.Typo)]
    [InlineData("1980-03-04", "1908-03-04", FieldAgreement.Typo)]
    [InlineData("1980-03-14", "1980-03-24", FieldAgreement.Typo)]
    [InlineData("1980-03-04", "1981-04-03", FieldAgreement.Disagree)]
    [InlineData("1980-12-31", "1980-01-01", FieldAgreement.Disagree)]
    [InlineData("1980-03-04", "1980-05-06", FieldAgreement.Disagree)]
    public void Compare_Dates_Level(string a, string b, FieldAgreement expected) =>
        Assert.Equal(expected, BirthDateComparison.Compare(DateOnly.Parse(a), DateOnly.Parse(b)));

    [Fact]
    public void Compare_EitherMissing_Missing()
    {
        Assert.Equal(FieldAgreement.Missing, BirthDateComparison.Compare(null, new DateOnly(1980, 3, 4)));
        Assert.Equal(FieldAgreement.Missing, BirthDateComparison.Compare(new DateOnly(1980, 3, 4), null));
    }

    [Fact]
    public void IsOneDigitApart_TwoDigitsApartNotAdjacentSwap_False() =>
        Assert.False(BirthDateComparison.IsOneDigitApart(new DateOnly(1980, 3, 4), new DateOnly(1980, 3, 15)));
}
