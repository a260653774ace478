using OrleansHealth.Clinical.Identity.Text;

namespace OrleansHealth.Clinical.Identity.Tests.Text;

public sealed class NicknameTableTests
{
    private static readonly NicknameTable Table = NicknameTable.Default;

    [Theory]
    [InlineData("BOB", "ROBERT")]
    [InlineData("ROBERT", "BOBBY")]
    [InlineData("PEGGY", "MARGARET")]
    [InlineData("BILL", "WILLIAM")]
    [InlineData("KATHERINE", "CATHERINE")]
    [InlineData("AL", "ALBERT")]
    [InlineData("CURT", "CURTIS")]
    [InlineData("BOB", "ROB")]
    [InlineData("DAVE", "DAVID")]
    [InlineData("LYN", "CAROLYN")]
    public void AreEquivalent_SameGroup_True(string a, string b) => Assert.True(Table.AreEquivalent(a, b));

    [Theory]
    [InlineData("ALBERT", "ALFRED")]
    [InlineData("ROBERT", "WILLIAM")]
    [InlineData("ROBERT", "ROBERT")]
    [InlineData("MAYNARD", "MAYNARD")]
    [InlineData("ZORBLAX", "ROBERT")]
    [InlineData(null, "ROBERT")]
    public void AreEquivalent_NoSharedGroup_False(string? a, string? b) => Assert.False(Table.AreEquivalent(a, b));

    [Fact]
    public void FormalNamesOf_Nickname_FormalNames()
    {
        Assert.Equal(["ROBERT"], Table.FormalNamesOf("BOB"));
        Assert.Equal(["ROBERT"], Table.FormalNamesOf("ROBERT"));
        Assert.Equal(["ALAN", "ALBERT", "ALEXANDER", "ALFRED", "ALVIN"], Table.FormalNamesOf("AL"));
        Assert.Empty(Table.FormalNamesOf("MAYNARD"));
    }

    [Fact]
    public void Default_HoldsAFewHundredGroups() => Assert.InRange(Table.GroupCount, 300, 1000);

    [Fact]
    public void Constructor_NormalisesNames()
    {
        var table = new NicknameTable([["José", "Pepe"]]);
        Assert.True(table.AreEquivalent("JOSE", "PEPE"));
    }

    [Fact]
    public void Constructor_GroupOfOne_Throws() =>
        Assert.Throws<ArgumentException>(() => new NicknameTable([["Robert", "robert"]]));
}
