using OrleansHealth.Learning.Privacy;

namespace OrleansHealth.Learning.Tests.Privacy;

public sealed class SafeHarborTests
{
    private static readonly DateOnly At = new(2022, 1, 1);

    [Theory]
    [InlineData("1982-01-01", 40)]
    [InlineData("1982-01-02", 39)]
    [InlineData("1932-01-01", 90)]
    [InlineData("1932-01-02", 89)]
    [InlineData("2000-02-29", 21)]
    public void Age_CountsWholeYears(string birth, int age) => Assert.Equal(age, SafeHarbor.Age(DateOnly.Parse(birth), At));

    [Theory]
    [InlineData(0, "0")]
    [InlineData(89, "89")]
    [InlineData(90, "90+")]
    [InlineData(104, "90+")]
    public void Ages_Over89_AreOneGroup(int age, string group) => Assert.Equal(group, SafeHarbor.AgeGroup(age));

    [Fact]
    public void BirthYear_IsWithheld_WhenItWouldTellAnAgeOver89_OrTheAgeIsUnknown()
    {
        Assert.Equal(1932, SafeHarbor.BirthYear(new DateOnly(1932, 1, 2), At));
        Assert.Null(SafeHarbor.BirthYear(new DateOnly(1932, 1, 1), At));
        Assert.Null(SafeHarbor.BirthYear(new DateOnly(1980, 5, 5), null));
        Assert.Null(SafeHarbor.BirthYear(null, At));
    }

    [Theory]
    [InlineData(89f, 89f)]
    [InlineData(90f, 90f)]
    [InlineData(97f, 90f)]
    public void AnAgeFeature_IsCappedAt90(float age, float exported) => Assert.Equal(exported, SafeHarbor.CapAge(age));

    [Theory]
    [InlineData("021", "021")]
    [InlineData("036", "000")]
    [InlineData("893", "000")]
    [InlineData("02", null)]
    [InlineData("0a1", null)]
    [InlineData(null, null)]
    public void Zip3_OfSmallAreasIs000_AndMalformedOnesAreDropped(string? zip3, string? exported) => Assert.Equal(exported, SafeHarbor.Zip3(zip3));

    [Fact]
    public void TheSmallAreaList_IsHHSs17()
    {
        Assert.Equal(17, SafeHarbor.SmallZipAreas.Count);
        Assert.All(SafeHarbor.SmallZipAreas, z => Assert.Matches("^[0-9]{3}$", z));
    }
}
