using OrleansHealth.Clinical.Model;
using OrleansHealth.Clinical.Profiles;
using OrleansHealth.Learning.Features;
using static OrleansHealth.Learning.Tests.Features.Timelines;

namespace OrleansHealth.Learning.Tests.Features;

public sealed class TimelineBuilderTests
{
    private static readonly Provenance Synthea = new("synthea", "r1", new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), 1);

    private static DateTimeOffset At(int year, int month, int day, int hour = 9) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);

    private static void Demographic(PatientProfile profile, string field, string value) =>
        profile.Demographics[field] = new ProfileField { Current = new FieldValue(value, Synthea) };

    private static void Observe(PatientProfile profile, string recordId, string system, string code, double? value, DateTimeOffset? at, ClinicalCode? valueCode = null, string? text = null) =>
        profile.Observations[PatientProfile.Key("synthea", recordId)] = new ProvenancedFact<ObservationFact>(
            new ObservationFact(recordId, new ClinicalCode(system, code, "display"), value, value is null ? null : "unit", valueCode, text, at),
            Synthea with { RecordId = recordId });

    private static void Record(PatientProfile profile, string recordId, EventKind kind, string system, string code, DateTimeOffset? start) =>
        profile.Events[PatientProfile.Key("synthea", recordId)] = new ProvenancedFact<EventFact>(
            new EventFact(recordId, kind, new ClinicalCode(system, code, "display"), start, null, "active"),
            Synthea with { RecordId = recordId });

    /// <summary>A synthetic person at the index visit: the risk factors of RiskModel.md, metformin, then onset 14 months later.</summary>
    private static PatientProfile DiabetesPatient()
    {
        var profile = new PatientProfile();
        Demographic(profile, DemographicFields.FamilyName, "Lindqvist");
        Demographic(profile, DemographicFields.BirthDate, "1968-03-14");
        Demographic(profile, DemographicFields.Sex, "female");
        Demographic(profile, DemographicFields.City, "Springfield");
        Observe(profile, "o1", CodeSystems.Loinc, HbA1c, 6.2, At(2021, 11, 20));
        Observe(profile, "o2", CodeSystems.Loinc, Glucose, 118, At(2021, 11, 20, 23));
        Observe(profile, "o3", CodeSystems.Loinc, Bmi, 31.4, At(2021, 11, 20));
        Observe(profile, "o4", CodeSystems.Loinc, "72166-2", null, At(2021, 11, 20), valueCode: new ClinicalCode(CodeSystems.Snomed, "8517006", "Ex-smoker"), text: "Ex-smoker");
        Observe(profile, "o5", CodeSystems.Loinc, "8302-2", null, null, text: "tall");
        Observe(profile, "o6", CodeSystems.Loinc, HbA1c, 6.9, At(2023, 3, 10));
        Record(profile, "e1", EventKind.Encounter, CodeSystems.Snomed, "185349003", At(2021, 11, 20));
        Record(profile, "e2", EventKind.Condition, CodeSystems.Snomed, FamilyHistory, At(2019, 4, 2));
        Record(profile, "e3", EventKind.Medication, CodeSystems.RxNorm, Metformin, At(2021, 11, 20));
        Record(profile, "e4", EventKind.Condition, CodeSystems.Snomed, Diabetes, At(2023, 3, 10));
        Record(profile, "e5", EventKind.Allergy, CodeSystems.Snomed, "91936005", null);
        return profile;
    }

    [Fact]
    public void From_NullProfile_Throws() =>
        Assert.Throws<ArgumentNullException>(() => TimelineBuilder.From(null!, "ps-x"));

    [Theory]
    [InlineData("02139", "021")]
    [InlineData("02139-4307", "021")]
    [InlineData("021394307", "021")]
    [InlineData("SW1A 1AA", null)]
    [InlineData("0213", null)]
    public void From_Profile_KeepsOnlyTheFirstThreeDigitsOfAUsZip(string postalCode, string? zip3)
    {
        var profile = DiabetesPatient();
        Demographic(profile, DemographicFields.PostalCode, postalCode);

        Assert.Equal(zip3, TimelineBuilder.From(profile, "ps-x").Zip3);
    }

    [Fact]
    public void From_Profile_KeepsPseudonymBirthDateAndSex()
    {
        var timeline = TimelineBuilder.From(DiabetesPatient(), "ps-0123456789abcdef01234567");

        Assert.Equal("ps-0123456789abcdef01234567", timeline.PseudonymousId);
        Assert.Equal(Day(1968, 3, 1), timeline.BirthDate);
        Assert.Equal(AdministrativeSex.Female, timeline.Sex);
    }

    [Fact]
    public void From_Profile_ObservationsUseSystemBarCodeAndUtcMonths()
    {
        var timeline = TimelineBuilder.From(DiabetesPatient(), "ps-x");

        Assert.Equal(6, timeline.Observations.Count);
        Assert.Equal(
            [
                new TimelineObservation("http://loinc.org|4548-4", 6.2, null, Day(2021, 11, 1)),
                new TimelineObservation("http://loinc.org|4548-4", 6.9, null, Day(2023, 3, 1)),
            ],
            timeline.Observations.Where(o => o.Code == "http://loinc.org|4548-4").OrderBy(o => o.Date));
        Assert.Equal(new TimelineObservation("http://loinc.org|2339-0", 118, null, Day(2021, 11, 1)), Assert.Single(timeline.Observations, o => o.Code.EndsWith("|2339-0", StringComparison.Ordinal)));
    }

    [Fact]
    public void From_CodedValue_KeepsTheValueCodeRatherThanItsText()
    {
        var timeline = TimelineBuilder.From(DiabetesPatient(), "ps-x");

        var smoking = Assert.Single(timeline.Observations, o => o.Code == "http://loinc.org|72166-2");
        Assert.Equal("8517006", smoking.Text);
        Assert.Null(smoking.Value);
    }

    [Fact]
    public void From_TextValueWithoutDate_KeepsTextAndNoDate()
    {
        var timeline = TimelineBuilder.From(DiabetesPatient(), "ps-x");

        Assert.Equal(new TimelineObservation("http://loinc.org|8302-2", null, "tall", null), Assert.Single(timeline.Observations, o => o.Code == "http://loinc.org|8302-2"));
    }

    [Fact]
    public void From_Profile_KeepsEveryEventWithKindCodeAndMonth()
    {
        var timeline = TimelineBuilder.From(DiabetesPatient(), "ps-x");

        Assert.Equal(
            [
                new TimelineEvent(EventKind.Condition, "http://snomed.info/sct|160303001", Day(2019, 4, 1)),
                new TimelineEvent(EventKind.Condition, "http://snomed.info/sct|44054006", Day(2023, 3, 1)),
                new TimelineEvent(EventKind.Medication, "http://www.nlm.nih.gov/research/umls/rxnorm|860975", Day(2021, 11, 1)),
                new TimelineEvent(EventKind.Encounter, "http://snomed.info/sct|185349003", Day(2021, 11, 1)),
                new TimelineEvent(EventKind.Allergy, "http://snomed.info/sct|91936005", null),
            ],
            timeline.Events.OrderBy(e => e.Kind).ThenBy(e => e.Start ?? DateOnly.MaxValue));
    }

    [Fact]
    public void From_Profile_CarriesNoIdentifyingText()
    {
        var timeline = TimelineBuilder.From(DiabetesPatient(), "ps-x");

        var text = string.Join('\n', timeline.Observations.Select(o => o.ToString()).Concat(timeline.Events.Select(e => e.ToString())));
        Assert.DoesNotContain("Lindqvist", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Springfield", text, StringComparison.Ordinal);
    }

    [Fact]
    public void From_Profile_KeepsNoFullDate()
    {
        var timeline = TimelineBuilder.From(DiabetesPatient(), "ps-x");

        DateOnly?[] dates = [timeline.BirthDate, .. timeline.Observations.Select(o => o.Date), .. timeline.Events.Select(e => e.Start)];
        Assert.All(dates.OfType<DateOnly>(), d => Assert.Equal(1, d.Day));
    }

    [Fact]
    public void From_ProfileWithoutDemographics_HasNoBirthDateAndUnknownSex()
    {
        var timeline = TimelineBuilder.From(new PatientProfile(), "ps-x");

        Assert.Null(timeline.BirthDate);
        Assert.Equal(AdministrativeSex.Unknown, timeline.Sex);
        Assert.Empty(timeline.Observations);
        Assert.Empty(timeline.Events);
    }

    [Theory]
    [InlineData("male", AdministrativeSex.Male)]
    [InlineData("Female", AdministrativeSex.Female)]
    [InlineData("other", AdministrativeSex.Other)]
    [InlineData("unknown", AdministrativeSex.Unknown)]
    [InlineData("x", AdministrativeSex.Unknown)]
    public void From_SexField_IsParsedIgnoringCase(string value, AdministrativeSex expected)
    {
        var profile = new PatientProfile();
        Demographic(profile, DemographicFields.Sex, value);

        Assert.Equal(expected, TimelineBuilder.From(profile, "ps-x").Sex);
    }

    [Theory]
    [InlineData("14/03/1968")]
    [InlineData("1968-3-14")]
    [InlineData("1968")]
    public void From_BirthDateNotYyyyMmDd_IsNull(string value)
    {
        var profile = new PatientProfile();
        Demographic(profile, DemographicFields.BirthDate, value);

        Assert.Null(TimelineBuilder.From(profile, "ps-x").BirthDate);
    }

    [Fact]
    public void From_DiabetesPatient_ExtractsTheRiskFactorsAndAPositiveOnset()
    {
        var definition = DiabetesOnset(
            new FeatureSpec("age", FeatureKind.Age),
            new FeatureSpec("sex", FeatureKind.Sex),
            new FeatureSpec("bmi", FeatureKind.Observation, "39156-5", System: "loinc", WindowDays: 365),
            new FeatureSpec("hba1c", FeatureKind.Observation, HbA1c, WindowDays: 365),
            new FeatureSpec("glucose", FeatureKind.Observation, Glucose, WindowDays: 365),
            new FeatureSpec("systolic", FeatureKind.Observation, "8480-6", WindowDays: 365),
            new FeatureSpec("family-history", FeatureKind.Condition, FamilyHistory),
            new FeatureSpec("metformin", FeatureKind.Medication, Metformin),
            new FeatureSpec("lifestyle", FeatureKind.Procedure, Lifestyle),
            new FeatureSpec("ex-smoker", FeatureKind.Observation, "72166-2", EqualsValue: "8517006"));

        var row = Extract(definition, TimelineBuilder.From(DiabetesPatient(), Pseudonyms.Development.Of("patient-1")));

        Assert.True(row.Label);
        Assert.Equal([53f, 0f, 31.4f, 6.2f, 118f, float.NaN, 1f, 1f, 0f, 1f], row.Values);
        Assert.Equal([true, true, true, true, true, false, true, true, false, true], row.Matched);
    }
}
