using OrleansHealth.Clinical.Model;
using OrleansHealth.Learning.Features;

namespace OrleansHealth.Learning.Tests.Features;

/// <summary>Small de-identified timelines and definitions after the synthetic population's risk model (RiskModel.md).</summary>
internal static class Timelines
{
    /// <summary>The synthetic population's index date.</summary>
    public static readonly DateOnly IndexDay = new(2022, 1, 1);

    public const string HbA1c = "4548-4";
    public const string Glucose = "2339-0";
    public const string Bmi = "39156-5";
    public const string Diabetes = "44054006";
    public const string Prediabetes = "15777000";
    public const string FamilyHistory = "160303001";
    public const string Metformin = "860975";
    public const string Lifestyle = "718361005";
    public const string Icd10 = "http://hl7.org/fhir/sid/icd-10-cm";

    public static ClinicalTimeline Of(
        IEnumerable<TimelineObservation>? observations = null,
        IEnumerable<TimelineEvent>? events = null,
        DateOnly? birth = null,
        AdministrativeSex sex = AdministrativeSex.Unknown,
        string id = "ps-test") =>
        new(id, birth, sex, [.. observations ?? []], [.. events ?? []]);

    /// <summary>A timeline seen by the index date: a check-up 30 days before it, plus the given facts.</summary>
    public static ClinicalTimeline Seen(
        IEnumerable<TimelineObservation>? observations = null,
        IEnumerable<TimelineEvent>? events = null,
        DateOnly? birth = null,
        AdministrativeSex sex = AdministrativeSex.Unknown) =>
        Of(observations, [Checkup(), .. events ?? []], birth, sex);

    public static TimelineEvent Checkup() => new(EventKind.Encounter, $"{CodeSystems.Snomed}|185349003", IndexDay.AddDays(-30));

    public static TimelineObservation Lab(string code, double? value, DateOnly? date, string? text = null, string system = CodeSystems.Loinc) =>
        new($"{system}|{code}", value, text, date);

    public static TimelineObservation Column(string source, string column, double? value, string? text = null) =>
        new($"{CodeSystems.Tabular(source)}|{column}", value, text, null);

    public static TimelineEvent Event(EventKind kind, string code, DateOnly? start, string system = CodeSystems.Snomed) =>
        new(kind, $"{system}|{code}", start);

    public static TimelineEvent OnsetOn(DateOnly? start) => Event(EventKind.Condition, Diabetes, start);

    /// <summary>The diabetes-onset model: SNOMED 44054006 within 730 days of 2022-01-01.</summary>
    public static ModelDefinition DiabetesOnset(params FeatureSpec[] features) =>
        new(features, new OutcomeSpec(OutcomeKind.Condition, Diabetes, WindowDays: 730), IndexDate: IndexDay);

    /// <summary>A Pima-style tabular model: the label is the column "Outcome" of the source "pima".</summary>
    public static ModelDefinition Pima(params FeatureSpec[] features) =>
        new(features, new OutcomeSpec(OutcomeKind.Label, "Outcome", Source: "pima"));

    public static ExtractedRow Extract(ModelDefinition definition, ClinicalTimeline timeline)
    {
        var row = new FeatureExtractor(definition).Extract(timeline);
        Assert.NotNull(row);
        return row;
    }

    /// <summary>The single feature's value for a timeline seen by the index date under the diabetes-onset model.</summary>
    public static float Value(FeatureSpec feature, ClinicalTimeline timeline) => Extract(DiabetesOnset(feature), timeline).Values.Single();

    public static DateOnly Day(int year, int month, int day) => new(year, month, day);
}
