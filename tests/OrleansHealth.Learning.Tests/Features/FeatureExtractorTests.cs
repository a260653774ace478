using OrleansHealth.Clinical.Model;
using OrleansHealth.Learning.Features;
using static OrleansHealth.Learning.Tests.Features.Timelines;

namespace OrleansHealth.Learning.Tests.Features;

/// <summary>Feature values, matched flags and holdout values computed by <see cref="FeatureExtractor"/>.</summary>
public sealed class FeatureExtractorTests
{
    private const string Smoking = "72166-2";
    private const string Smoker = "77176002";
    private const string ExSmoker = "8517006";

    [Fact]
    public void Constructor_NullDefinition_Throws() =>
        Assert.Throws<ArgumentNullException>(() => new FeatureExtractor(null!));

    [Fact]
    public void Extract_NullTimeline_Throws() =>
        Assert.Throws<ArgumentNullException>(() => new FeatureExtractor(DiabetesOnset(new FeatureSpec("age", FeatureKind.Age))).Extract(null!));

    [Fact]
    public void Names_ListsTheFeatureNames_InDefinitionOrder()
    {
        var extractor = new FeatureExtractor(DiabetesOnset(
            new FeatureSpec("age", FeatureKind.Age),
            new FeatureSpec("sex", FeatureKind.Sex),
            new FeatureSpec("hba1c", FeatureKind.Observation, HbA1c)));

        Assert.Equal(["age", "sex", "hba1c"], extractor.Names);
    }

    [Theory]
    [InlineData("1972-01-01", 50f)] // 50th birthday on the index date
    [InlineData("1971-12-31", 50f)] // birthday the day before
    [InlineData("1972-01-02", 49f)] // birthday the day after
    [InlineData("1971-06-30", 50f)]
    [InlineData("1972-07-01", 49f)]
    public void Extract_Age_IsWholeYearsAtTheIndexDate(string birth, float expected)
    {
        var value = Value(new FeatureSpec("age", FeatureKind.Age), Seen(birth: DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(expected, value);
    }

    [Fact]
    public void Extract_AgeWithoutBirthDate_IsMissing() =>
        Assert.True(float.IsNaN(Value(new FeatureSpec("age", FeatureKind.Age), Seen())));

    [Theory]
    [InlineData(AdministrativeSex.Male, 1f)]
    [InlineData(AdministrativeSex.Female, 0f)]
    [InlineData(AdministrativeSex.Unknown, float.NaN)]
    [InlineData(AdministrativeSex.Other, float.NaN)]
    public void Extract_Sex_IsOneForMaleZeroForFemaleElseMissing(AdministrativeSex sex, float expected)
    {
        var value = Value(new FeatureSpec("sex", FeatureKind.Sex), Seen(sex: sex));

        Assert.Equal(expected, value);
    }

    /// <summary>HbA1c results: one older than a year, two in the year before the index date, one after it.</summary>
    private static ClinicalTimeline HbA1cHistory() => Seen(
    [
        Lab(HbA1c, 5.2, Day(2019, 5, 1)),
        Lab(HbA1c, 6.0, Day(2021, 11, 15)),
        Lab(HbA1c, 5.6, Day(2021, 3, 1)),
        Lab(HbA1c, 6.9, Day(2022, 6, 1)),
        Lab(Glucose, 99, Day(2021, 12, 1)),
    ]);

    [Theory]
    [InlineData(Aggregate.Latest, 6.0)]
    [InlineData(Aggregate.Mean, 5.8)]
    [InlineData(Aggregate.Min, 5.6)]
    [InlineData(Aggregate.Max, 6.0)]
    [InlineData(Aggregate.Count, 2.0)]
    public void Extract_ObservationInA365DayWindow_AggregatesOnlyTheFactsInTheWindowBeforeTheIndexDate(Aggregate aggregate, double expected)
    {
        var value = Value(new FeatureSpec("hba1c", FeatureKind.Observation, HbA1c, Aggregate: aggregate, WindowDays: 365), HbA1cHistory());

        Assert.Equal(expected, value, 1e-5);
    }

    [Theory]
    [InlineData(Aggregate.Latest, 6.0)]
    [InlineData(Aggregate.Mean, 5.6)]
    [InlineData(Aggregate.Min, 5.2)]
    [InlineData(Aggregate.Max, 6.0)]
    [InlineData(Aggregate.Count, 3.0)]
    public void Extract_ObservationWithoutWindow_AggregatesAllHistoryUpToTheIndexDate(Aggregate aggregate, double expected)
    {
        var value = Value(new FeatureSpec("hba1c", FeatureKind.Observation, HbA1c, Aggregate: aggregate), HbA1cHistory());

        Assert.Equal(expected, value, 1e-5);
    }

    [Fact]
    public void Extract_ObservationWindowBoundaries_ExcludeTheFirstDayBeforeTheWindowAndEverythingAfterTheIndexDate()
    {
        var timeline = Seen(
        [
            Lab(Glucose, 101, IndexDay.AddDays(-30)), // exactly windowDays before: outside
            Lab(Glucose, 102, IndexDay.AddDays(-29)), // first day inside
            Lab(Glucose, 103, IndexDay), // the index date itself: inside
            Lab(Glucose, 104, IndexDay.AddDays(1)), // after the index date: outside
        ]);

        Assert.Equal(2f, Value(new FeatureSpec("n", FeatureKind.Observation, Glucose, Aggregate: Aggregate.Count, WindowDays: 30), timeline));
        Assert.Equal(102f, Value(new FeatureSpec("min", FeatureKind.Observation, Glucose, Aggregate: Aggregate.Min, WindowDays: 30), timeline));
        Assert.Equal(103f, Value(new FeatureSpec("max", FeatureKind.Observation, Glucose, Aggregate: Aggregate.Max, WindowDays: 30), timeline));
    }

    [Fact]
    public void Extract_UndatedObservation_CountsAsAtTheReferenceDateSoItIsInsideEveryWindow()
    {
        var timeline = Seen([Lab(Bmi, 31.5, null), Lab(Bmi, 27.0, Day(2019, 1, 1))]);

        Assert.Equal(1f, Value(new FeatureSpec("n", FeatureKind.Observation, Bmi, Aggregate: Aggregate.Count, WindowDays: 30), timeline));
        Assert.Equal(31.5f, Value(new FeatureSpec("bmi", FeatureKind.Observation, Bmi, WindowDays: 30), timeline));
        Assert.Equal(2f, Value(new FeatureSpec("all", FeatureKind.Observation, Bmi, Aggregate: Aggregate.Count), timeline));
    }

    [Fact]
    public void Extract_LatestWithUndatedAndDatedValues_TakesTheUndatedValueAsAtTheReferenceDate()
    {
        var timeline = Seen([Lab(Bmi, 31.5, null), Lab(Bmi, 27.0, Day(2021, 12, 15))]);

        Assert.Equal(31.5f, Value(new FeatureSpec("bmi", FeatureKind.Observation, Bmi, WindowDays: 365), timeline));
    }

    [Fact]
    public void Extract_EqualsValueWithUndatedAndDatedValues_ComparesTheUndatedValueAsAtTheReferenceDate()
    {
        var timeline = Seen([Lab(Smoking, null, null, text: Smoker), Lab(Smoking, null, Day(2021, 12, 15), text: ExSmoker)]);

        Assert.Equal(1f, Value(new FeatureSpec("smoker", FeatureKind.Observation, Smoking, EqualsValue: Smoker), timeline));
    }

    [Fact]
    public void Extract_ObservationWithNoValueInTheWindow_IsMissingAndItsCountIsZero()
    {
        var timeline = Seen([Lab(HbA1c, 5.4, Day(2019, 1, 1))]);

        Assert.True(float.IsNaN(Value(new FeatureSpec("hba1c", FeatureKind.Observation, HbA1c, WindowDays: 365), timeline)));
        Assert.Equal(0f, Value(new FeatureSpec("n", FeatureKind.Observation, HbA1c, Aggregate: Aggregate.Count, WindowDays: 365), timeline));
    }

    [Fact]
    public void Extract_TextOrNaNValues_AreIgnoredByNumericAggregates()
    {
        var timeline = Seen([Lab(Glucose, null, Day(2021, 12, 1), text: "haemolysed"), Lab(Glucose, double.NaN, Day(2021, 12, 2)), Lab(Glucose, 95, Day(2021, 6, 1))]);

        Assert.Equal(95f, Value(new FeatureSpec("glucose", FeatureKind.Observation, Glucose), timeline));
        Assert.Equal(1f, Value(new FeatureSpec("n", FeatureKind.Observation, Glucose, Aggregate: Aggregate.Count), timeline));
    }

    [Fact]
    public void Extract_PimaZeroWithMissingValues_IsMissing()
    {
        var timeline = Of([Column("pima", "Glucose", 0), Column("pima", "BMI", 33.6), Column("pima", "Outcome", 1)]);
        var definition = Pima(
            new FeatureSpec("glucose", FeatureKind.Column, "Glucose", Source: "pima", MissingValues: [0]),
            new FeatureSpec("glucose-raw", FeatureKind.Column, "Glucose", Source: "pima"),
            new FeatureSpec("bmi", FeatureKind.Column, "BMI", Source: "pima", MissingValues: [0]),
            new FeatureSpec("glucose-n", FeatureKind.Observation, "Glucose", System: CodeSystems.Tabular("pima"), Aggregate: Aggregate.Count, MissingValues: [0]));

        var row = Extract(definition, timeline);

        Assert.True(float.IsNaN(row.Values[0]));
        Assert.Equal(0f, row.Values[1]);
        Assert.Equal(33.6f, row.Values[2]);
        Assert.Equal(0f, row.Values[3]);
        Assert.Equal([true, true, true, true], row.Matched);
    }

    [Fact]
    public void Extract_ColumnFeature_ReadsTheTabularSystemOfItsSourceOnly()
    {
        var timeline = Of(
        [
            Column("pima", "BMI", 33.6),
            Column("other", "BMI", 22.0),
            Lab("BMI", 25.0, null),
            Column("pima", "Outcome", 0),
        ]);

        var row = Extract(Pima(new FeatureSpec("bmi", FeatureKind.Column, "BMI", Source: "pima"), new FeatureSpec("age", FeatureKind.Column, "Age", Source: "pima")), timeline);

        Assert.Equal(33.6f, row.Values[0]);
        Assert.True(float.IsNaN(row.Values[1]));
        Assert.Equal([true, false], row.Matched);
    }

    private static ClinicalTimeline SmokingHistory() => Seen(
    [
        Lab(Smoking, null, Day(2020, 2, 1), text: ExSmoker),
        Lab(Smoking, null, Day(2021, 10, 1), text: Smoker),
        Lab(Smoking, null, Day(2022, 3, 1), text: ExSmoker), // after the index date
    ]);

    [Theory]
    [InlineData(Smoker, 1f)]
    [InlineData(ExSmoker, 0f)]
    public void Extract_EqualsValue_ComparesTheLatestCodedValueBeforeTheIndexDate(string wanted, float expected)
    {
        var value = Value(new FeatureSpec("smoker", FeatureKind.Observation, Smoking, EqualsValue: wanted), SmokingHistory());

        Assert.Equal(expected, value);
    }

    [Fact]
    public void Extract_EqualsValueOnText_IgnoresCase()
    {
        var timeline = Seen([Lab(Smoking, null, Day(2021, 10, 1), text: "Current every day smoker")]);

        Assert.Equal(1f, Value(new FeatureSpec("smoker", FeatureKind.Observation, Smoking, EqualsValue: "current EVERY day smoker"), timeline));
    }

    [Fact]
    public void Extract_EqualsValueOnNumericValue_ComparesTheInvariantText()
    {
        var timeline = Of([Column("pima", "Pregnant", 1), Column("pima", "Outcome", 0)]);

        var row = Extract(Pima(new FeatureSpec("pregnant", FeatureKind.Column, "Pregnant", Source: "pima", EqualsValue: "1")), timeline);

        Assert.Equal(1f, row.Values[0]);
    }

    [Fact]
    public void Extract_EqualsValueWithoutObservation_IsMissing() =>
        Assert.True(float.IsNaN(Value(new FeatureSpec("smoker", FeatureKind.Observation, Smoking, EqualsValue: Smoker), Seen())));

    [Fact]
    public void Extract_ConditionRecordedBeforeTheIndexDate_IsPresent()
    {
        var timeline = Seen(events: [Event(EventKind.Condition, FamilyHistory, Day(2019, 4, 2))]);

        var row = Extract(DiabetesOnset(new FeatureSpec("family-history", FeatureKind.Condition, FamilyHistory)), timeline);

        Assert.Equal(1f, row.Values[0]);
        Assert.True(row.Matched[0]);
    }

    [Fact]
    public void Extract_ConditionAbsent_IsZeroAndNotMatched()
    {
        var row = Extract(DiabetesOnset(new FeatureSpec("family-history", FeatureKind.Condition, FamilyHistory)), Seen());

        Assert.Equal(0f, row.Values[0]);
        Assert.False(row.Matched[0]);
    }

    [Fact]
    public void Extract_ConditionStartingAfterTheIndexDateOrBeforeTheWindow_IsZeroButMatched()
    {
        var timeline = Seen(events: [Event(EventKind.Condition, Prediabetes, Day(2022, 2, 1)), Event(EventKind.Condition, FamilyHistory, Day(2019, 1, 1))]);

        var row = Extract(
            DiabetesOnset(
                new FeatureSpec("prediabetes", FeatureKind.Condition, Prediabetes),
                new FeatureSpec("family-history-1y", FeatureKind.Condition, FamilyHistory, WindowDays: 365),
                new FeatureSpec("family-history", FeatureKind.Condition, FamilyHistory)),
            timeline);

        Assert.Equal([0f, 0f, 1f], row.Values);
        Assert.Equal([true, true, true], row.Matched);
    }

    [Fact]
    public void Extract_UndatedCondition_IsPresent()
    {
        var timeline = Seen(events: [Event(EventKind.Condition, FamilyHistory, null)]);

        Assert.Equal(1f, Value(new FeatureSpec("family-history", FeatureKind.Condition, FamilyHistory, WindowDays: 30), timeline));
    }

    [Fact]
    public void Extract_ConditionCodeWithPrefix_MatchesEveryCodeStartingWithIt()
    {
        var timeline = Seen(events: [Event(EventKind.Condition, "E66.01", Day(2020, 1, 1), system: Icd10)]);
        var definition = DiabetesOnset(
            new FeatureSpec("obesity-chapter", FeatureKind.Condition, "E66", System: Icd10, Prefix: true),
            new FeatureSpec("obesity-exact", FeatureKind.Condition, "E66", System: Icd10),
            new FeatureSpec("obesity-exact-full", FeatureKind.Condition, "E66.01", System: Icd10),
            new FeatureSpec("other-chapter", FeatureKind.Condition, "E11", System: Icd10, Prefix: true));

        var row = Extract(definition, timeline);

        Assert.Equal([1f, 0f, 1f, 0f], row.Values);
        Assert.Equal([true, false, true, false], row.Matched);
    }

    [Fact]
    public void Extract_MedicationAndProcedure_MatchTheirOwnEventKindsAndDefaultSystems()
    {
        var timeline = Seen(events:
        [
            Event(EventKind.Medication, Metformin, Day(2021, 12, 1), system: CodeSystems.RxNorm),
            Event(EventKind.Procedure, Lifestyle, Day(2021, 12, 1)),
        ]);
        var definition = DiabetesOnset(
            new FeatureSpec("metformin", FeatureKind.Medication, Metformin),
            new FeatureSpec("metformin-alias", FeatureKind.Medication, Metformin, System: "rxnorm"),
            new FeatureSpec("lifestyle", FeatureKind.Procedure, Lifestyle),
            new FeatureSpec("lifestyle-as-condition", FeatureKind.Condition, Lifestyle),
            new FeatureSpec("metformin-as-procedure", FeatureKind.Procedure, Metformin, System: "rxnorm"));

        var row = Extract(definition, timeline);

        Assert.Equal([1f, 1f, 1f, 0f, 0f], row.Values);
        Assert.Equal([true, true, true, false, false], row.Matched);
    }

    [Fact]
    public void Extract_Encounters_CountsEncountersInTheWindowUpToTheIndexDate()
    {
        var timeline = Of(events:
        [
            Event(EventKind.Encounter, "185349003", Day(2019, 1, 1)), // older than a year
            Event(EventKind.Encounter, "185349003", Day(2021, 6, 1)),
            Event(EventKind.Encounter, "185347001", Day(2021, 12, 1)),
            Event(EventKind.Encounter, "185347001", Day(2022, 2, 1)), // after the index date
            Event(EventKind.Condition, Prediabetes, Day(2021, 6, 1)), // not an encounter
        ]);
        var definition = DiabetesOnset(new FeatureSpec("visits-1y", FeatureKind.Encounters, WindowDays: 365), new FeatureSpec("visits", FeatureKind.Encounters));

        var row = Extract(definition, timeline);

        Assert.Equal([2f, 3f], row.Values);
        Assert.Equal([true, true], row.Matched);
    }

    [Fact]
    public void Extract_Matched_IsTrueForAgeSexAndEncountersAndForCodesFoundOutsideTheWindow()
    {
        var timeline = Seen([Lab(HbA1c, 5.4, Day(2018, 1, 1))]);
        var definition = DiabetesOnset(
            new FeatureSpec("age", FeatureKind.Age),
            new FeatureSpec("sex", FeatureKind.Sex),
            new FeatureSpec("visits", FeatureKind.Encounters, WindowDays: 1),
            new FeatureSpec("hba1c-1y", FeatureKind.Observation, HbA1c, WindowDays: 365),
            new FeatureSpec("glucose", FeatureKind.Observation, Glucose));

        var row = Extract(definition, timeline);

        Assert.Equal([true, true, true, true, false], row.Matched);
        Assert.True(float.IsNaN(row.Values[0]));
        Assert.True(float.IsNaN(row.Values[1]));
        Assert.Equal(0f, row.Values[2]);
        Assert.True(float.IsNaN(row.Values[3]));
        Assert.True(float.IsNaN(row.Values[4]));
    }

    [Fact]
    public void Extract_IndexDateNull_UsesTheLatestDatedFactAsReference()
    {
        var timeline = Of(
            [Lab(HbA1c, 5.5, Day(2023, 5, 1)), Lab(HbA1c, 6.1, Day(2023, 6, 14)), Column("pima", "Outcome", 1)],
            [Event(EventKind.Encounter, "185349003", Day(2023, 1, 1)), Event(EventKind.Encounter, "185349003", Day(2023, 6, 20))],
            birth: Day(1970, 6, 15));
        var definition = Pima(
            new FeatureSpec("age", FeatureKind.Age),
            new FeatureSpec("hba1c-30d", FeatureKind.Observation, HbA1c, Aggregate: Aggregate.Count, WindowDays: 30),
            new FeatureSpec("visits-30d", FeatureKind.Encounters, WindowDays: 30));

        var row = Extract(definition, timeline);

        Assert.Equal(Day(2023, 6, 20), timeline.LatestDate());
        Assert.Equal([53f, 1f, 1f], row.Values);
        Assert.True(row.Label);
    }

    [Fact]
    public void Extract_IndexDateNullAndOnlyUndatedFacts_AgeIsMissing()
    {
        var timeline = Of([Column("pima", "Outcome", 0)], birth: Day(1970, 1, 1));

        var row = Extract(Pima(new FeatureSpec("age", FeatureKind.Age)), timeline);

        Assert.Null(timeline.LatestDate());
        Assert.True(float.IsNaN(row.Values[0]));
    }

    [Fact]
    public void Extract_HoldoutColumn_ReturnsItsValueAsInvariantText()
    {
        var definition = Pima(new FeatureSpec("bmi", FeatureKind.Column, "BMI", Source: "pima")) with
        {
            HoldoutColumn = new FeatureSpec("fold", FeatureKind.Column, "fold", Source: "pima"),
        };

        var numeric = Extract(definition, Of([Column("pima", "Outcome", 0), Column("pima", "fold", 3)]));
        var text = Extract(definition, Of([Column("pima", "Outcome", 0), Column("pima", "fold", null, text: "B")]));
        var absent = Extract(definition, Of([Column("pima", "Outcome", 0)]));

        Assert.Equal("3", numeric.HoldoutValue);
        Assert.Equal("B", text.HoldoutValue);
        Assert.Null(absent.HoldoutValue);
    }

    [Fact]
    public void Extract_WithoutHoldoutColumn_HoldoutValueIsNull()
    {
        var row = Extract(Pima(new FeatureSpec("fold", FeatureKind.Column, "fold", Source: "pima")), Of([Column("pima", "Outcome", 0), Column("pima", "fold", 3)]));

        Assert.Null(row.HoldoutValue);
        Assert.Equal(3f, row.Values[0]);
    }
}
