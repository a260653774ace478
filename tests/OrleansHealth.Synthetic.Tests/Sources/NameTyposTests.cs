using OrleansHealth.Synthetic.Randomness;
using OrleansHealth.Synthetic.Sources;

namespace OrleansHealth.Synthetic.Tests.Sources;

public sealed class NameTyposTests
{
    [Theory]
    [InlineData("Elizabeth")]
    [InlineData("Lee")]
    [InlineData("Li")]
    [InlineData("O'Brien")]
    [InlineData("Anna")]
    public void Apply_AnyName_ChangesItByOneEditAndKeepsTheFirstLetter(string name)
    {
        var random = new DeterministicRandom(17);
        for (var i = 0; i < 500; i++)
        {
            var typo = NameTypos.Apply(name, random);

            Assert.NotEqual(name, typo);
            Assert.Equal(name[0], typo[0]);
            Assert.InRange(typo.Length, name.Length - 1, name.Length);
            Assert.True(IsOneEdit(name, typo), $"{name} → {typo}");
        }
    }

    [Fact]
    public void Apply_ManyTimes_ProducesAllThreeKindsOfEdit()
    {
        var random = new DeterministicRandom(5);
        var typos = Enumerable.Range(0, 300).Select(_ => NameTypos.Apply("Margaret", random)).ToArray();

        Assert.Contains(typos, t => t.Length == 7);
        Assert.Contains(typos, t => t.Length == 8 && t.Order().SequenceEqual("Margaret".Order()));
        Assert.Contains(typos, t => t.Length == 8 && !t.Order().SequenceEqual("Margaret".Order()));
    }

    /// <summary>One substitution, one deletion, or one swap of neighbours.</summary>
    private static bool IsOneEdit(string original, string typo)
    {
        if (typo.Length == original.Length - 1)
        {
            return Enumerable.Range(0, original.Length).Any(i => original.Remove(i, 1) == typo);
        }

        var differences = Enumerable.Range(0, original.Length).Where(i => original[i] != typo[i]).ToArray();
        return differences.Length == 1
            || (differences.Length == 2 && differences[1] == differences[0] + 1
                && original[differences[0]] == typo[differences[1]] && original[differences[1]] == typo[differences[0]]);
    }
}
