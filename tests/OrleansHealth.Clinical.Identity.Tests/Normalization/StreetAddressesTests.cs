using OrleansHealth.Clinical.Identity.Normalization;

namespace OrleansHealth.Clinical.Identity.Tests.Normalization;

public sealed class StreetAddressesTests
{
    [Theory]
    [InlineData("784 Stamm Lock Unit 46", "784 STAMM LOCK # 46")]
    [InlineData("784 STAMM LOCK #46", "784 STAMM LOCK # 46")]
    [InlineData("12 Main Street Apt 4", "12 MAIN ST # 4")]
    [InlineData("12 Main St., Apt. 4", "12 MAIN ST # 4")]
    [InlineData("9 North Avenue", "9 N AVE")]
    [InlineData("3 Rue de l'Église", "3 RUE DE L EGLISE")]
    public void Normalize_Lines_OneSpelling(string line, string expected) => Assert.Equal(expected, StreetAddresses.Normalize(line));

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    [InlineData(",.")]
    public void Normalize_Empty_Null(string? line) => Assert.Null(StreetAddresses.Normalize(line));
}
