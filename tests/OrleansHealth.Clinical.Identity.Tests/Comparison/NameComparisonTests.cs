using OrleansHealth.Clinical.Identity.Comparison;
using OrleansHealth.Clinical.Identity.Profiles;
using OrleansHealth.Clinical.Identity.Tests.Fixtures;

namespace OrleansHealth.Clinical.Identity.Tests.Comparison;

public sealed class NameComparisonTests
{
    [Theory]
    [InlineData("Mosciski958", "MOSCISKI", FieldAgreement.Exact)]
    [InlineData("Mosciski", "Moscsiki", FieldAgreement.Typo)]
    [InlineData("Smith", "Smyth", FieldAgreement.Typo)]
    [InlineData("Smith", "Schmidt", FieldAgreement.Phonetic)]
    [InlineData("Smith", "Smith-Jones", FieldAgreement.Partial)]
    [InlineData("Smith", "Jones", FieldAgreement.Disagree)]
    [InlineData(null, "Jones", FieldAgreement.Missing)]
    public void Family_Pairs_Level(string? a, string? b, FieldAgreement expected) =>
        Assert.Equal(expected, NameComparison.Family(Profile(given: "Ann", family: a), Profile(given: "Ann", family: b)));

    [Theory]
    [InlineData("Robert", "ROBERT", FieldAgreement.Exact)]
    [InlineData("Bob", "Robert", FieldAgreement.Nickname)]
    [InlineData("Peggy", "Margaret", FieldAgreement.Nickname)]
    [InlineData("Maynard46", "Maynrad", FieldAgreement.Typo)]
    [InlineData("Mohammed", "Muhamad", FieldAgreement.Phonetic)]
    [InlineData("Sean", "Shawn", FieldAgreement.Phonetic)]
    [InlineData("J", "John", FieldAgreement.Initial)]
    [InlineData("Robert", "Michael", FieldAgreement.Disagree)]
    [InlineData(null, "Michael", FieldAgreement.Missing)]
    public void Given_Pairs_Level(string? a, string? b, FieldAgreement expected) =>
        Assert.Equal(expected, NameComparison.Given(Profile(given: a, family: "Lee"), Profile(given: b, family: "Lee")));

    [Fact]
    public void Given_FirstNameIsOthersMiddleName_Partial()
    {
        var a = PersonProfile.From(People.Person("Mary", "Lee", null).WithGiven("Mary", "Ann"));
        var b = Profile(given: "Ann", family: "Lee");
        Assert.Equal(FieldAgreement.Partial, NameComparison.Given(a, b));
    }

    private static PersonProfile Profile(string? given, string? family) => PersonProfile.From(People.Person(given, family, null));
}
