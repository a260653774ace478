using OrleansHealth.Clinical.Identity.Normalization;

namespace OrleansHealth.Clinical.Identity.Tests.Normalization;

public sealed class PostalCodesTests
{
    [Theory]
    [InlineData("02155", "02155")]
    [InlineData("02155-1234", "02155")]
    [InlineData("021551234", "02155")]
    [InlineData(" 02155 ", "02155")]
    [InlineData("2155", "02155")]
    [InlineData("21551234", "02155")]
    [InlineData("k1a 0b1", "K1A0B1")]
    public void Normalize_Values_FirstFiveDigits(string code, string expected) => Assert.Equal(expected, PostalCodes.Normalize(code));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("123")]
    [InlineData("--")]
    public void Normalize_Unusable_Null(string? code) => Assert.Null(PostalCodes.Normalize(code));
}
