using OrleansHealth.Clinical.Model;
using OrleansHealth.Learning.Features;
using static OrleansHealth.Learning.Tests.Features.Timelines;

namespace OrleansHealth.Learning.Tests.Features;

/// <summary>Cohort membership and labels: the diabetes-onset condition outcome and tabular label outcomes.</summary>
public sealed class FeatureExtractorOutcomeTests
{
    private static readonly FeatureSpec HbA1cLatest = new("hba1c", FeatureKind.Observation, HbA1c);

    private static ExtractedRow? ExtractOnset(ClinicalTimeline timeline) => new FeatureExtractor(DiabetesOnset(HbA1cLatest)).Extract(timeline);

    [Fact]
    public void Extract_ConditionOutcomeWithEmptyTimeline_IsExcluded() =>
        Assert.Null(ExtractOnset(Of()));

    [Fact]
    public void Extract_ConditionOutcomeWithNoDataBeforeTheIndexDate_IsExcluded()
    {
        var timeline = Of([Lab(HbA1c, 6.8, Day(2022, 3, 1))], [OnsetOn(Day(2022, 6, 1))]);

        Assert.Null(ExtractOnset(timeline));
    }

    [Fact]
    public void Extract_ConditionOutcomeWithOnlyUndatedFacts_IsExcluded()
    {
        var timeline = Of([Lab(HbA1c, 5.8, null)], [Event(EventKind.Encounter, "185349003", null)]);

        Assert.Null(ExtractOnset(timeline));
    }

    [Fact]
    public void Extract_ConditionOutcomeWithDataOnTheIndexDate_IsInTheCohort()
    {
        var row = ExtractOnset(Of([Lab(HbA1c, 5.8, IndexDay)]));

        Assert.NotNull(row);
        Assert.False(row.Label);
        Assert.Equal([5.8f], row.Values);
    }

    [Theory]
    [InlineData(-400)]
    [InlineData(-1)]
    [InlineData(0)]
    public void Extract_ConditionStartedOnOrBeforeTheIndexDate_IsExcluded(int days)
    {
        var timeline = Seen([Lab(HbA1c, 6.8, Day(2021, 6, 1))], [OnsetOn(IndexDay.AddDays(days))]);

        Assert.Null(ExtractOnset(timeline));
    }

    [Fact]
    public void Extract_ConditionBeforeAndAgainInsideTheWindow_IsExcluded()
    {
        var timeline = Seen(events: [OnsetOn(Day(2020, 1, 1)), OnsetOn(Day(2023, 1, 1))]);

        Assert.Null(ExtractOnset(timeline));
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(30, true)]
    [InlineData(729, true)]
    [InlineData(730, true)] // the last day of the 730-day window
    [InlineData(731, false)]
    [InlineData(2000, false)]
    public void Extract_ConditionStartingAfterTheIndexDate_IsPositiveOnlyInsideTheWindow(int days, bool expected)
    {
        var row = ExtractOnset(Seen([Lab(HbA1c, 6.1, Day(2021, 11, 20))], [OnsetOn(IndexDay.AddDays(days))]));

        Assert.NotNull(row);
        Assert.Equal(expected, row.Label);
    }

    [Fact]
    public void Extract_ConditionOutcomeNeverRecorded_IsNegative()
    {
        var row = ExtractOnset(Seen([Lab(HbA1c, 5.4, Day(2021, 11, 20))], [Event(EventKind.Condition, Prediabetes, Day(2022, 5, 1))]));

        Assert.NotNull(row);
        Assert.False(row.Label);
    }

    [Fact]
    public void Extract_UndatedOutcomeCondition_IsNeitherExclusionNorOnset()
    {
        var row = ExtractOnset(Seen(events: [OnsetOn(null)]));

        Assert.NotNull(row);
        Assert.False(row.Label);
    }

    [Theory]
    [InlineData(365, true)]
    [InlineData(366, false)]
    public void Extract_ConditionOutcomeWithoutWindowDays_Uses365Days(int days, bool expected)
    {
        var definition = DiabetesOnset(HbA1cLatest) with { Outcome = new OutcomeSpec(OutcomeKind.Condition, Diabetes) };

        var row = new FeatureExtractor(definition).Extract(Seen(events: [OnsetOn(IndexDay.AddDays(days))]));

        Assert.NotNull(row);
        Assert.Equal(expected, row.Label);
    }

    [Fact]
    public void Extract_ConditionOutcomeWithPrefix_MatchesAnyCodeUnderIt()
    {
        var definition = DiabetesOnset(HbA1cLatest) with { Outcome = new OutcomeSpec(OutcomeKind.Condition, "E11", System: Icd10, Prefix: true, WindowDays: 730) };

        var row = new FeatureExtractor(definition).Extract(Seen(events: [Event(EventKind.Condition, "E11.9", Day(2023, 2, 1), system: Icd10)]));

        Assert.NotNull(row);
        Assert.True(row.Label);
    }

    [Fact]
    public void Extract_ConditionOutcome_FeaturesIgnoreFactsAfterTheIndexDate()
    {
        var timeline = Seen([Lab(HbA1c, 6.2, Day(2021, 12, 1)), Lab(HbA1c, 7.1, Day(2023, 3, 10))], [OnsetOn(Day(2023, 3, 10))]);

        var row = ExtractOnset(timeline);

        Assert.NotNull(row);
        Assert.True(row.Label);
        Assert.Equal([6.2f], row.Values);
    }

    [Theory]
    [InlineData(1.0, null, true)]
    [InlineData(0.0, null, false)]
    [InlineData(2.0, null, false)]
    [InlineData(null, "true", true)]
    [InlineData(null, "YES", true)]
    [InlineData(null, "no", false)]
    [InlineData(null, "", false)]
    public void Extract_LabelOutcomeWithDefaultPositiveValues_IsTrueForOneTrueOrYes(double? value, string? text, bool expected)
    {
        var row = Extract(Pima(new FeatureSpec("bmi", FeatureKind.Column, "BMI", Source: "pima")), Of([Column("pima", "Outcome", value, text)]));

        Assert.Equal(expected, row.Label);
    }

    [Theory]
    [InlineData("tested_positive", true)]
    [InlineData("TESTED_POSITIVE", true)]
    [InlineData("tested_negative", false)]
    [InlineData("1", false)]
    [InlineData("yes", false)]
    public void Extract_LabelOutcomeWithCustomPositiveValues_UsesOnlyThose(string text, bool expected)
    {
        var definition = new ModelDefinition(
            [new FeatureSpec("plas", FeatureKind.Column, "plas", Source: "diabetes-arff")],
            new OutcomeSpec(OutcomeKind.Label, "class", Source: "diabetes-arff", PositiveValues: ["tested_positive"]));

        var row = Extract(definition, Of([Column("diabetes-arff", "class", null, text)]));

        Assert.Equal(expected, row.Label);
    }

    [Fact]
    public void Extract_LabelOutcomeAbsent_IsExcluded()
    {
        var timeline = Of([Column("pima", "BMI", 33.6), Column("other", "Outcome", 1)]);

        Assert.Null(new FeatureExtractor(Pima(new FeatureSpec("bmi", FeatureKind.Column, "BMI", Source: "pima"))).Extract(timeline));
    }

    [Fact]
    public void Extract_LabelOutcomeWithSeveralDatedLabels_ReadsTheLatest()
    {
        var definition = new ModelDefinition([new FeatureSpec("age", FeatureKind.Age)], new OutcomeSpec(OutcomeKind.Label, "X-LABEL", System: "urn:test"));
        var timeline = Of([Lab("X-LABEL", 0, Day(2020, 1, 1), system: "urn:test"), Lab("X-LABEL", 1, Day(2021, 1, 1), system: "urn:test"), Lab("X-LABEL", 0, Day(2019, 1, 1), system: "urn:test")]);

        Assert.True(Extract(definition, timeline).Label);
    }

    [Fact]
    public void Extract_LabelOutcomeWithoutSource_DefaultsToLoinc()
    {
        var definition = new ModelDefinition([new FeatureSpec("age", FeatureKind.Age)], new OutcomeSpec(OutcomeKind.Label, "LP-1"));

        Assert.True(Extract(definition, Of([Lab("LP-1", null, null, text: "yes")])).Label);
        Assert.Null(new FeatureExtractor(definition).Extract(Of([Column("pima", "LP-1", 1)])));
    }
}
