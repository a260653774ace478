using OrleansHealth.Clinical.Identity.Text;

namespace OrleansHealth.Clinical.Identity.Tests.Text;

public sealed class SoundexTests
{
    [Theory]
    [InlineData("Robert", "R163")]
    [InlineData("Rupert", "R163")]
    [InlineData("Rubin", "R150")]
    [InlineData("Ashcraft", "A261")]
    [InlineData("Ashcroft", "A261")]
    [InlineData("Tymczak", "T522")]
    [InlineData("Pfister", "P236")]
    [InlineData("Honeyman", "H555")]
    [InlineData("Lee", "L000")]
    [InlineData("Smith", "S530")]
    [InlineData("Schmidt", "S530")]
    [InlineData("O'Hara", "O600")]
    public void Encode_CensusExamples_ExpectedCode(string name, string expected) => Assert.Equal(expected, Soundex.Encode(name));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("42")]
    public void Encode_NoLetter_Null(string? name) => Assert.Null(Soundex.Encode(name));
}
