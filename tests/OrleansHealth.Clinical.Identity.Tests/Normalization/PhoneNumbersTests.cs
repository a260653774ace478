using OrleansHealth.Clinical.Identity.Normalization;

namespace OrleansHealth.Clinical.Identity.Tests.Normalization;

public sealed class PhoneNumbersTests
{
    [Theory]
    [InlineData("555-259-9533", "5552599533")]
    [InlineData("(555) 259-9533", "5552599533")]
    [InlineData("+1 555 259 9533", "5552599533")]
    [InlineData("1-555-259-9533", "5552599533")]
    [InlineData("555.259.9533", "5552599533")]
    [InlineData("5552599533", "5552599533")]
    [InlineData("555-259-9533 ext. 12", "5552599533")]
    [InlineData("tel:555-259-9533", "5552599533")]
    [InlineData("259-9533", "2599533")]
    public void Normalize_Formats_DigitsLastTen(string phone, string expected) => Assert.Equal(expected, PhoneNumbers.Normalize(phone));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("911")]
    [InlineData("unknown")]
    public void Normalize_TooFewDigits_Null(string? phone) => Assert.Null(PhoneNumbers.Normalize(phone));
}
