using OrleansHealth.Clinical.Identity.Text;

namespace OrleansHealth.Clinical.Identity.Tests.Text;

public sealed class OsaDistanceTests
{
    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("MARTHA", "MARHTA", 1)]
    [InlineData("ABCD", "ACBD", 1)]
    [InlineData("CA", "ABC", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("abc", "", 3)]
    [InlineData("ROBERT", "ROBERT", 0)]
    [InlineData("MOSCISKI", "MOSCSKI", 1)]
    [InlineData("SMITH", "SMYTHE", 2)]
    public void Distance_Pairs_ExpectedEdits(string a, string b, int expected) => Assert.Equal(expected, OsaDistance.Distance(a, b));

    [Fact]
    public void Distance_LongStrings_Counted()
    {
        var a = new string('a', 100);
        var b = new string('a', 98) + "bb";
        Assert.Equal(2, OsaDistance.Distance(a, b));
    }

    [Theory]
    [InlineData("ABCD", "ABCDEFG", 2, false)]
    [InlineData("ABCD", "ABCDE", 1, true)]
    [InlineData("ABCD", "ABDC", 1, true)]
    public void IsWithin_Limit_Answer(string a, string b, int limit, bool expected) => Assert.Equal(expected, OsaDistance.IsWithin(a, b, limit));

    [Fact]
    public void IsWithin_RandomPairs_AgreesWithDistance()
    {
        var random = new Random(1);
        for (var i = 0; i < 5_000; i++)
        {
            var a = Word(random);
            var b = random.Next(2) == 0 ? Word(random) : Mutate(a, random);
            for (var limit = 0; limit <= 3; limit++)
            {
                Assert.True(OsaDistance.IsWithin(a, b, limit) == (OsaDistance.Distance(a, b) <= limit), $"{a} / {b} within {limit}");
            }
        }
    }

    private static string Word(Random random) => new([.. Enumerable.Range(0, random.Next(0, 9)).Select(_ => (char)('a' + random.Next(4)))]);

    private static string Mutate(string word, Random random)
    {
        if (word.Length < 2)
        {
            return word + "a";
        }

        var i = random.Next(word.Length - 1);
        return random.Next(3) switch
        {
            0 => word[..i] + word[i + 1] + word[i] + word[(i + 2)..],
            1 => word.Remove(i, 1),
            _ => word[..i] + 'd' + word[(i + 1)..],
        };
    }
}
