using OrleansHealth.Clinical.Model;
using OrleansHealth.Grains.Identity;
using OrleansHealth.Identity;

namespace OrleansHealth.Grains.Tests.Identity;

public sealed class PatientSearchRankingTests
{
    private static IdentityCandidate Hit(string patientId, string? family, string? given, string? birthDate = null) =>
        new(patientId, new Demographics([], family, given is null ? [] : [given], birthDate is null ? null : DateOnly.Parse(birthDate, System.Globalization.CultureInfo.InvariantCulture),
            AdministrativeSex.Unknown, null, null, null, null, null, null));

    private static List<string> Ids(PatientSearchQuery query, params IdentityCandidate[] hits) =>
        [.. PatientSearchRanking.Rank(query, hits).Select(h => h.PatientId)];

    [Fact]
    public void ExactFamilyName_IgnoringCaseAndAccents_RanksAboveASoundAlike_ThenByNameAndId()
    {
        var ids = Ids(new PatientSearchQuery("muller"),
            Hit("p4", "Mueller", "Anna"), Hit("p3", "Müller", "Zoe"), Hit("p2", "MULLER", "Anna"), Hit("p1", "Muller", "Anna"));

        Assert.Equal(["p1", "p2", "p3", "p4"], ids);
    }

    [Fact]
    public void GivenNamePrefix_RanksAboveOthers_ButBelowTheExactFamilyName()
    {
        var ids = Ids(new PatientSearchQuery("Smith", "jo"),
            Hit("p1", "Smith", "Anna"), Hit("p2", "Smyth", "John"), Hit("p3", "Smith", "Jonas"), Hit("p4", "Smith", "Jöhanna"));

        Assert.Equal(["p4", "p3", "p1", "p2"], ids);
    }

    [Fact]
    public void FullBirthDate_RanksTheSameDateFirst_AmongEqualNames()
    {
        var ids = Ids(new PatientSearchQuery("Smith", BirthYear: 1970, BirthDate: new DateOnly(1970, 5, 6)),
            Hit("p1", "Smith", "Anna", "1970-01-01"), Hit("p2", "Smith", "Bert", "1970-05-06"), Hit("p3", "Smith", "Carl"));

        Assert.Equal(["p2", "p1", "p3"], ids);
    }

    [Fact]
    public void APatientWithSeveralVariants_IsListedOnce_InItsBestRankedVariant()
    {
        var ranked = PatientSearchRanking.Rank(new PatientSearchQuery("Smith", "Jo"),
            [Hit("p1", "Smyth", "Jo"), Hit("p1", "Smith", "Joe"), Hit("p1", "Smith", "Al"), Hit("p2", "Smith", "Al")]);

        Assert.Equal(["p1", "p2"], ranked.Select(h => h.PatientId));
        Assert.Equal(["Joe"], ranked[0].Demographics.GivenNames);
    }

    [Theory]
    [InlineData(null, true, null, null)]
    [InlineData(" ", true, null, null)]
    [InlineData("1970", true, 1970, null)]
    [InlineData("1970-05-06", true, 1970, "1970-05-06")]
    [InlineData("1899", false, null, null)]
    [InlineData("2031", false, null, null)]
    [InlineData("1970-13-01", false, null, null)]
    [InlineData("06/05/1970", false, null, null)]
    [InlineData("70", false, null, null)]
    public void BirthDate_IsAYearOrAFullDate(string? text, bool valid, int? year, string? date)
    {
        Assert.Equal(valid, PatientSearchQuery.TryParseBirthDate(text, 2030, out var parsedYear, out var parsedDate));
        if (valid)
        {
            Assert.Equal(year, parsedYear);
            Assert.Equal(date, parsedDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
