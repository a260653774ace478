using OrleansHealth.Clinical.Identity.Text;

namespace OrleansHealth.Clinical.Identity.Tests.Text;

public sealed class JaroWinklerTests
{
    // Winkler's published examples.
    [Theory]
    [InlineData("MARTHA", "MARHTA", 0.944444, 0.961111)]
    [InlineData("DWAYNE", "DUANE", 0.822222, 0.840000)]
    [InlineData("DIXON", "DICKSONX", 0.766667, 0.813333)]
    public void Similarity_PublishedPairs_ExpectedValues(string a, string b, double jaro, double jaroWinkler)
    {
        Assert.Equal(jaro, JaroWinkler.Jaro(a, b), 6);
        Assert.Equal(jaroWinkler, JaroWinkler.Similarity(a, b), 6);
    }

    [Fact]
    public void Similarity_IsSymmetric() =>
        Assert.Equal(JaroWinkler.Similarity("DUANE", "DWAYNE"), JaroWinkler.Similarity("DWAYNE", "DUANE"), 12);

    [Fact]
    public void Similarity_EqualStrings_One() => Assert.Equal(1.0, JaroWinkler.Similarity("ROBERT", "ROBERT"));

    [Fact]
    public void Similarity_NothingInCommon_Zero() => Assert.Equal(0.0, JaroWinkler.Similarity("ABC", "XYZ"));

    [Fact]
    public void Similarity_BothEmpty_OneAndOneEmpty_Zero()
    {
        Assert.Equal(1.0, JaroWinkler.Similarity("", ""));
        Assert.Equal(0.0, JaroWinkler.Similarity("", "A"));
    }

    [Fact]
    public void Similarity_JaroBelowBoostThreshold_NoPrefixBonus()
    {
        // Jaro 0.6667 (≤ 0.7): the shared first letter must not raise it.
        Assert.Equal(JaroWinkler.Jaro("ABCD", "AXYD"), JaroWinkler.Similarity("ABCD", "AXYD"), 12);
    }
}
