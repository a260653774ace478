using OrleansHealth.Clinical.Identity.Text;

namespace OrleansHealth.Clinical.Identity.Tests.Text;

public sealed class NameNormalizerTests
{
    [Theory]
    [InlineData("Maynard46", "MAYNARD")]
    [InlineData("mosciski958", "MOSCISKI")]
    [InlineData("José", "JOSE")]
    [InlineData("Müller", "MULLER")]
    [InlineData("Straße", "STRASSE")]
    [InlineData("Ærøskøbing", "AEROSKOBING")]
    [InlineData("Łukasz", "LUKASZ")]
    [InlineData("O'Brien-Smith", "OBRIENSMITH")]
    [InlineData("  van der Berg ", "VANDERBERG")]
    public void Normalize_Name_UpperCaseAsciiLettersOnly(string name, string expected) =>
        Assert.Equal(expected, NameNormalizer.Normalize(name));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("1234")]
    [InlineData("×÷-")]
    public void Normalize_NothingLetterLike_Null(string? name) => Assert.Null(NameNormalizer.Normalize(name));

    [Fact]
    public void Normalize_LongName_KeepsEveryLetter()
    {
        var name = new string('a', 300) + "é";
        Assert.Equal(new string('A', 300) + "E", NameNormalizer.Normalize(name));
    }
}
