using OrleansHealth.Clinical.Identity.Keys;
using OrleansHealth.Clinical.Identity.Tests.Fixtures;
using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Clinical.Identity.Tests.Keys;

public sealed class BlockingKeysTests
{
    [Fact]
    public void For_CompleteRecord_OneKeyPerPass()
    {
        var keys = BlockingKeys.For(People.Robert);

        Assert.Equal(
            [BlockingPass.FamilyYear, BlockingPass.FamilyMonthDay, BlockingPass.GivenDate, BlockingPass.GivenYear, BlockingPass.Phone, BlockingPass.ZipYear],
            keys.Select(k => k[..k.IndexOf(':', StringComparison.Ordinal)]));
    }

    [Fact]
    public void For_CompleteRecord_NoRawValueInAnyKey()
    {
        var keys = BlockingKeys.For(People.Robert);

        foreach (var raw in new[] { "1984", "2599533", "02155", "M222", "ROBERT", "RABAD" })
        {
            Assert.DoesNotContain(keys, k => k.Contains(raw, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public void For_NothingToBlockOn_NoKeys() =>
        Assert.Empty(BlockingKeys.For(People.Person(null, null, null, ssn: "999-17-5017")));

    [Theory]
    [MemberData(nameof(NoisyVariants))]
    public void For_NoisyVariantOfRobert_SharesAKey(Demographics variant)
    {
        var shared = BlockingKeys.For(People.Robert).Intersect(BlockingKeys.For(variant));
        Assert.NotEmpty(shared);
    }

    public static TheoryData<Demographics> NoisyVariants() => new()
    {
        // Nickname, no phone, no ZIP: met through the formal name and birth date.
        People.Robert.WithGiven("Bob") with { Phone = null, PostalCode = null },
        // Day and month swapped and a nickname: the family name's soundex and the year remain.
        People.Robert.WithGiven("Bobby") with { BirthDate = new DateOnly(1984, 7, 3) },
        // First letter of the family name mistyped (its soundex changes) and no phone or ZIP.
        People.Robert with { FamilyName = "Nosciski", Phone = null, PostalCode = null },
        // Family name changed and date swapped: the given name's pass with the date in either order.
        People.Robert with { FamilyName = "Kemmer", BirthDate = new DateOnly(1984, 7, 3), Phone = null },
        // Wrong birth year and nickname: the family soundex with month and day.
        People.Robert.WithGiven("Rob") with { BirthDate = new DateOnly(1948, 3, 7), Phone = null, PostalCode = null },
        // Upper case, another phone format, a typo in the given name.
        People.Robert.WithGiven("ROBRET") with { FamilyName = "MOSCISKI", Phone = "(555) 259-9533" },
    };

    [Fact]
    public void For_DifferentPeople_ShareNoKey()
    {
        var other = People.Person("Ann", "Lee", new DateOnly(1990, 11, 23), AdministrativeSex.Female, "1 Main St", "90210", "617-555-0123");
        Assert.Empty(BlockingKeys.For(People.Robert).Intersect(BlockingKeys.For(other)));
    }

    [Fact]
    public void For_NoisyPopulation_TruePairsShareAKey()
    {
        var records = NoisyPopulation.Create(persons: 400, seed: 7);
        var keys = records.Select(r => BlockingKeys.For(r.Demographics).ToHashSet(StringComparer.Ordinal)).ToArray();

        var pairs = 0;
        var blocked = 0;
        for (var i = 0; i < records.Count; i++)
        {
            for (var j = i + 1; j < records.Count; j++)
            {
                if (records[i].PersonId != records[j].PersonId)
                {
                    continue;
                }

                pairs++;
                blocked += keys[i].Overlaps(keys[j]) ? 1 : 0;
            }
        }

        Assert.InRange(pairs, 700, 1200);
        Assert.Equal(pairs, blocked);
    }

    [Theory]
    [InlineData("Mosciski958")]
    [InlineData("mosciski")]
    [InlineData("Moscisky")]
    public void ForFamilyName_SpellingOfTheFamilyNameAndBirthYear_FindsTheFamilyYearKey(string typed)
    {
        var stored = BlockingKeys.For(People.Robert).Single(k => k.StartsWith(BlockingPass.FamilyYear + ":", StringComparison.Ordinal));

        var searched = BlockingKeys.ForFamilyName(typed, [1983, 1984, 1985], KeyHasher.Unkeyed);

        Assert.Equal(3, searched.Count);
        Assert.Contains(stored, searched);
    }

    [Fact]
    public void ForFamilyName_AnotherNameOrNoLetters_FindsNothingOfRobert()
    {
        var stored = BlockingKeys.For(People.Robert);

        Assert.Empty(BlockingKeys.ForFamilyName("Smith", [1984], KeyHasher.Unkeyed).Intersect(stored));
        Assert.Empty(BlockingKeys.ForFamilyName("42", [1984], KeyHasher.Unkeyed));
    }
}
