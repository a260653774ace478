using System.Text.RegularExpressions;
using OrleansHealth.Learning.Features;

namespace OrleansHealth.Learning.Tests.Features;

/// <summary><see cref="HoldoutSplit"/>, <see cref="FeaturePartitions"/> and <see cref="Pseudonyms"/>: stable keyed hashes of ids.</summary>
public sealed partial class HashingTests
{
    private static readonly string[] Ids = [.. Enumerable.Range(0, 10_000).Select(i => Pseudonyms.Development.Of($"patient-{i}"))];

    [GeneratedRegex("^ps-[0-9a-f]{24}$")]
    private static partial Regex PseudonymFormat();

    [Fact]
    public void HoldoutSplit_SameId_AlwaysLandsInTheSameBucket()
    {
        foreach (var id in Ids.Take(200))
        {
            var bucket = HoldoutSplit.Bucket(id);
            Assert.InRange(bucket, 0, 99);
            Assert.Equal(bucket, HoldoutSplit.Bucket(string.Concat(id.AsSpan(0, 3), id.AsSpan(3))));
            Assert.Equal(bucket < 20, HoldoutSplit.IsHeldOut(id, 20));
        }
    }

    [Fact]
    public void HoldoutSplit_TwentyPercentOf10000Ids_HoldsOutWithinTwoPoints()
    {
        var heldOut = Ids.Count(id => HoldoutSplit.IsHeldOut(id, 20));

        Assert.InRange(heldOut, 1_800, 2_200);
    }

    [Fact]
    public void HoldoutSplit_HigherPercent_HoldsOutASuperset()
    {
        Assert.All(Ids.Where(id => HoldoutSplit.IsHeldOut(id, 10)), id => Assert.True(HoldoutSplit.IsHeldOut(id, 30)));
        Assert.DoesNotContain(Ids, id => HoldoutSplit.IsHeldOut(id, 0));
        Assert.All(Ids, id => Assert.True(HoldoutSplit.IsHeldOut(id, 100)));
    }

    [Fact]
    public void FeaturePartitions_Of_IsInRangeStableAndUsesEveryPartition()
    {
        var partitions = Ids.Select(FeaturePartitions.Of).ToArray();

        Assert.All(partitions, p => Assert.InRange(p, 0, FeaturePartitions.Count - 1));
        Assert.Equal(partitions, Ids.Select(FeaturePartitions.Of));
        Assert.Equal(FeaturePartitions.Count, partitions.Distinct().Count());
    }

    [Fact]
    public void FeaturePartitions_Of_IsIndependentOfTheHoldoutBucket()
    {
        // Different hash domains: the held-out patients are spread over (nearly) every partition.
        var partitionsOfHeldOut = Ids.Where(id => HoldoutSplit.IsHeldOut(id, 20)).Select(FeaturePartitions.Of).Distinct().Count();

        Assert.Equal(FeaturePartitions.Count, partitionsOfHeldOut);
    }

    [Fact]
    public void Pseudonyms_Of_IsDeterministic()
    {
        var a = new Pseudonyms("key-one"u8.ToArray());
        var b = new Pseudonyms("key-one"u8.ToArray());

        Assert.Equal(a.Of("patient-123"), b.Of("patient-123"));
        Assert.Equal(Pseudonyms.Development.Of("patient-123"), Pseudonyms.Development.Of("patient-123"));
    }

    [Fact]
    public void Pseudonyms_DifferentKeys_GiveDifferentPseudonyms() =>
        Assert.NotEqual(new Pseudonyms("key-one"u8.ToArray()).Of("patient-123"), new Pseudonyms("key-two"u8.ToArray()).Of("patient-123"));

    [Fact]
    public void Pseudonyms_DifferentPatients_GiveDifferentPseudonyms() =>
        Assert.Equal(Ids.Length, Ids.Distinct(StringComparer.Ordinal).Count());

    [Theory]
    [InlineData("patient-123")]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("0123456789abcdef")]
    public void Pseudonyms_Of_IsPsDashAnd24LowerHexCharsWithoutThePatientId(string patientId)
    {
        var pseudonym = Pseudonyms.Development.Of(patientId);

        Assert.Matches(PseudonymFormat(), pseudonym);
        Assert.Equal(27, pseudonym.Length);
        if (patientId.Length > 0)
        {
            Assert.DoesNotContain(patientId, pseudonym, StringComparison.OrdinalIgnoreCase);
        }
    }
}
