using OrleansHealth.Clinical.Model;
using OrleansHealth.Learning.Features;
using OrleansHealth.Learning.Privacy;
using static OrleansHealth.Learning.Tests.Features.Timelines;

namespace OrleansHealth.Learning.Tests.Privacy;

public sealed class DatasetExtractorTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    private static readonly ModelDefinition Model = DiabetesOnset(
        new FeatureSpec("age", FeatureKind.Age),
        new FeatureSpec("hba1c", FeatureKind.Observation, HbA1c));

    [Fact]
    public void APatientOver89_HasAgeGroupedEverywhere_NoBirthYear_AndASmallZipAreaAs000()
    {
        var timeline = Seen([Lab(HbA1c, 6.1, Day(2021, 6, 1))], birth: Day(1925, 3, 14), sex: AdministrativeSex.Female) with { Zip3 = "036" };

        var row = new DatasetExtractor(Model).Extract(timeline, Today);

        Assert.NotNull(row);
        Assert.Equal("ps-test", row.Pseudonym);
        Assert.Equal(AdministrativeSex.Female, row.Sex);
        Assert.Equal("90+", row.Age);
        Assert.Null(row.BirthYear);
        Assert.Equal("000", row.Zip3);
        Assert.Equal(2022, row.ReferenceYear);
        Assert.Equal([90f, 6.1f], row.Features);
        Assert.False(row.Outcome);
    }

    [Fact]
    public void AYoungerPatient_KeepsAgeBirthYearAndZip3_AndTheOutcome()
    {
        var timeline = Seen(birth: Day(1980, 7, 30), sex: AdministrativeSex.Male, events: [OnsetOn(Day(2023, 1, 5))]) with { Zip3 = "021" };

        var row = new DatasetExtractor(Model).Extract(timeline, Today);

        Assert.NotNull(row);
        Assert.Equal("41", row.Age);
        Assert.Equal(1980, row.BirthYear);
        Assert.Equal("021", row.Zip3);
        Assert.Equal(41f, row.Features[0]);
        Assert.True(float.IsNaN(row.Features[1]));
        Assert.True(row.Outcome);
    }

    [Fact]
    public void APatientOutsideTheCohort_IsNotExported() =>
        Assert.Null(new DatasetExtractor(Model).Extract(Of(birth: Day(1980, 1, 1)), Today));

    [Fact]
    public void WithoutAnIndexDateOrAnyDatedFact_TheExportDateDecidesWhetherTheBirthYearTells()
    {
        var pima = Pima(new FeatureSpec("glucose", FeatureKind.Column, "Glucose", Source: "pima"));
        var timeline = Of([Column("pima", "Glucose", 148), Column("pima", "Outcome", 1)], birth: Day(1935, 1, 1));

        var row = new DatasetExtractor(pima).Extract(timeline, Today);

        Assert.NotNull(row);
        Assert.Null(row.ReferenceYear);
        Assert.Equal("90+", row.Age);
        Assert.Null(row.BirthYear);
    }
}
