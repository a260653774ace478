namespace OrleansHealth.Deploy.Tests;

public sealed class YamlTests
{
    [Fact]
    public void MergeKeys_AreApplied_OwnKeysWin()
    {
        var document = Yaml.Load("""
            x-base: &base
              image: silo
              environment: &env
                A: "1"
            services:
              one:
                <<: *base
                image: other
              two:
                <<: *base
                environment:
                  <<: *env
                  B: "2"
            """);

        Assert.Equal("other", Plain.Text(document, "services", "one", "image"));
        Assert.Equal("1", Plain.Text(document, "services", "one", "environment", "A"));
        Assert.Equal(["A", "B"], Plain.Map(document, "services", "two", "environment").Keys);
        Assert.Equal("silo", Plain.Text(document, "services", "two", "image"));
    }

    [Fact]
    public void EmptyPlainScalars_AreNull_QuotedOnesAreText()
    {
        var document = Yaml.Load("a:\nb: \"\"\nc: ~\n");

        Assert.Null(Plain.At(document, "a"));
        Assert.Equal(string.Empty, Plain.At(document, "b"));
        Assert.Null(Plain.At(document, "c"));
    }

    [Theory]
    [InlineData("${A:-x}", "x")]
    [InlineData("${A-x}", "x")]
    [InlineData("a${A}b", "ab")]
    [InlineData("$$HOME", "$HOME")]
    [InlineData("Host=pg;Password=${P:-dev}", "Host=pg;Password=dev")]
    public void ComposeInterpolation_UsesTheDefaults(string text, string expected) =>
        Assert.Equal(expected, ComposeFile.Interpolate(text));
}
