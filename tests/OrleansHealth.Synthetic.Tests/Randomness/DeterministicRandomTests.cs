using System.Text.RegularExpressions;
using OrleansHealth.Synthetic.Randomness;

namespace OrleansHealth.Synthetic.Tests.Randomness;

public sealed partial class DeterministicRandomTests
{
    [Fact]
    public void For_SameSeedStreamAndEntity_SameSequence()
    {
        var first = DeterministicRandom.For(5, RandomStream.Identity, 42);
        var second = DeterministicRandom.For(5, RandomStream.Identity, 42);

        Assert.Equal(Enumerable.Range(0, 100).Select(_ => first.NextUInt64()), Enumerable.Range(0, 100).Select(_ => second.NextUInt64()));
    }

    [Fact]
    public void For_OtherSeedStreamEntityOrPart_OtherSequence()
    {
        var reference = DeterministicRandom.For(5, RandomStream.Identity, 42).NextUInt64();

        Assert.NotEqual(reference, DeterministicRandom.For(6, RandomStream.Identity, 42).NextUInt64());
        Assert.NotEqual(reference, DeterministicRandom.For(5, RandomStream.Noise, 42).NextUInt64());
        Assert.NotEqual(reference, DeterministicRandom.For(5, RandomStream.Identity, 43).NextUInt64());
        Assert.NotEqual(reference, DeterministicRandom.For(5, RandomStream.Identity, 42, 1).NextUInt64());
    }

    [Fact]
    public void NextUInt64_KnownSeed_MatchesSplitMix64ReferenceValues()
    {
        // Reference outputs of SplitMix64 seeded with 0 (Vigna's splitmix64.c).
        var random = new DeterministicRandom(0);

        Assert.Equal(0xE220A8397B1DCDAFUL, random.NextUInt64());
        Assert.Equal(0x6E789E6AA1B965F4UL, random.NextUInt64());
        Assert.Equal(0x06C45D188009454FUL, random.NextUInt64());
    }

    [Fact]
    public void NextInt_ManyDraws_StayInRangeAndHitEveryValue()
    {
        var random = new DeterministicRandom(9);
        var seen = new int[7];
        for (var i = 0; i < 10_000; i++)
        {
            seen[random.NextInt(7)]++;
        }

        Assert.All(seen, count => Assert.InRange(count, 1_300, 1_560));
    }

    [Fact]
    public void NextGaussian_ManyDraws_HaveMeanZeroAndUnitVariance()
    {
        var random = new DeterministicRandom(3);
        var values = Enumerable.Range(0, 50_000).Select(_ => random.NextGaussian()).ToArray();
        var mean = values.Average();
        var variance = values.Select(v => (v - mean) * (v - mean)).Average();

        Assert.InRange(mean, -0.02, 0.02);
        Assert.InRange(variance, 0.97, 1.03);
    }

    [Fact]
    public void NextUuid_Always_IsALowerCaseVersion4Uuid()
    {
        var random = new DeterministicRandom(1);
        for (var i = 0; i < 1_000; i++)
        {
            Assert.Matches(Uuid4(), random.NextUuid());
        }
    }

    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")]
    private static partial Regex Uuid4();
}
