using OrleansHealth.Learning.Features;
using static OrleansHealth.Learning.Tests.Features.Timelines;

namespace OrleansHealth.Learning.Tests.Features;

public sealed class ModelDefinitionValidatorTests
{
    private static readonly OutcomeSpec Outcome = new(OutcomeKind.Condition, Diabetes, WindowDays: 730);

    private static ModelDefinition Valid() => DiabetesOnset(
        new FeatureSpec("age", FeatureKind.Age),
        new FeatureSpec("sex", FeatureKind.Sex),
        new FeatureSpec("bmi", FeatureKind.Observation, Bmi, Aggregate: Aggregate.Latest, WindowDays: 365),
        new FeatureSpec("hba1c", FeatureKind.Observation, HbA1c, Aggregate: Aggregate.Mean, WindowDays: 365),
        new FeatureSpec("glucose", FeatureKind.Observation, Glucose),
        new FeatureSpec("systolic", FeatureKind.Observation, "8480-6"),
        new FeatureSpec("family-history", FeatureKind.Condition, FamilyHistory),
        new FeatureSpec("metformin", FeatureKind.Medication, Metformin),
        new FeatureSpec("lifestyle", FeatureKind.Procedure, Lifestyle),
        new FeatureSpec("visits", FeatureKind.Encounters, WindowDays: 730));

    private static IReadOnlyList<string> Problems(ModelDefinition definition) => ModelDefinitionValidator.Validate(definition);

    private static IReadOnlyList<string> FeatureProblems(FeatureSpec feature) => Problems(DiabetesOnset(feature));

    [Fact]
    public void Validate_DiabetesOnsetDefinition_HasNoProblems() => Assert.Empty(Problems(Valid()));

    [Fact]
    public void Validate_PimaLabelDefinitionWithHoldoutColumn_HasNoProblems()
    {
        var definition = Pima(new FeatureSpec("glucose", FeatureKind.Column, "Glucose", Source: "pima", MissingValues: [0])) with
        {
            HoldoutColumn = new FeatureSpec("fold", FeatureKind.Column, "fold", Source: "pima"),
        };

        Assert.Empty(Problems(definition));
    }

    [Fact]
    public void Validate_Null_AsksForADefinition() =>
        Assert.Equal(["The body must be a model definition: {\"features\": [...], \"outcome\": {...}}."], ModelDefinitionValidator.Validate(null));

    [Fact]
    public void Validate_NoFeatures_AsksForOne()
    {
        Assert.Equal(["features: name at least one feature."], Problems(DiabetesOnset()));
        Assert.Equal(["features: name at least one feature."], Problems(Valid() with { Features = null! }));
    }

    [Fact]
    public void Validate_TooManyFeatures_NamesTheLimit()
    {
        var features = Enumerable.Range(0, ModelDefinitionValidator.MaxFeatures + 1).Select(i => new FeatureSpec($"f{i}", FeatureKind.Observation, $"{i}-0")).ToArray();

        Assert.Equal(["features: 2001 features is more than the limit of 2000."], Problems(DiabetesOnset(features)));
    }

    [Fact]
    public void Validate_MaxFeatures_IsAllowed()
    {
        var features = Enumerable.Range(0, ModelDefinitionValidator.MaxFeatures).Select(i => new FeatureSpec($"f{i}", FeatureKind.Observation, $"{i}-0")).ToArray();

        Assert.Empty(Problems(DiabetesOnset(features)));
    }

    [Fact]
    public void Validate_NullFeature_IsEmpty() =>
        Assert.Equal(["features[1]: is empty."], Problems(DiabetesOnset(new FeatureSpec("age", FeatureKind.Age), null!)));

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Validate_FeatureWithoutName_AsksForOne(string name) =>
        Assert.Equal(["features[0]: give the feature a name."], FeatureProblems(new FeatureSpec(name, FeatureKind.Age)));

    [Fact]
    public void Validate_DuplicateNameIgnoringCaseAndSpaces_IsReported()
    {
        var problems = Problems(DiabetesOnset(new FeatureSpec("Age", FeatureKind.Age), new FeatureSpec("sex", FeatureKind.Sex), new FeatureSpec(" age ", FeatureKind.Age)));

        Assert.Equal(["features[2]: the name ' age ' is used twice."], problems);
    }

    [Fact]
    public void Validate_UnknownKind_ListsTheKinds() =>
        Assert.Equal(
            ["features[0]: unknown kind; use age, sex, observation, condition, medication, procedure, encounters or column."],
            FeatureProblems(new FeatureSpec("x", (FeatureKind)42, "1")));

    [Theory]
    [InlineData(FeatureKind.Observation, null, "features[0]: this observation feature needs a code (for a column: the column name).")]
    [InlineData(FeatureKind.Condition, " ", "features[0]: this condition feature needs a code (for a column: the column name).")]
    [InlineData(FeatureKind.Medication, "", "features[0]: this medication feature needs a code (for a column: the column name).")]
    [InlineData(FeatureKind.Procedure, null, "features[0]: this procedure feature needs a code (for a column: the column name).")]
    public void Validate_CodedKindWithoutCode_AsksForACode(FeatureKind kind, string? code, string expected) =>
        Assert.Equal([expected], FeatureProblems(new FeatureSpec("x", kind, code)));

    [Fact]
    public void Validate_ColumnWithoutCodeOrSource_ReportsBoth() =>
        Assert.Equal(
            [
                "features[0]: this column feature needs a code (for a column: the column name).",
                "features[0]: a column feature needs the tabular source id in 'source'.",
            ],
            FeatureProblems(new FeatureSpec("x", FeatureKind.Column)));

    [Fact]
    public void Validate_ColumnWithoutSource_AsksForTheSource() =>
        Assert.Equal(["features[0]: a column feature needs the tabular source id in 'source'."], FeatureProblems(new FeatureSpec("x", FeatureKind.Column, "BMI", Source: " ")));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(36_601)]
    public void Validate_FeatureWindowOutOfRange_IsReported(int days) =>
        Assert.Equal(["features[0]: windowDays must be between 1 and 36600 days."], FeatureProblems(new FeatureSpec("x", FeatureKind.Encounters, WindowDays: days)));

    [Theory]
    [InlineData(1)]
    [InlineData(36_600)]
    public void Validate_FeatureWindowAtTheBounds_IsAllowed(int days) =>
        Assert.Empty(FeatureProblems(new FeatureSpec("x", FeatureKind.Encounters, WindowDays: days)));

    [Fact]
    public void Validate_UnknownAggregate_ListsTheAggregates() =>
        Assert.Equal(["features[0]: unknown aggregate; use latest, mean, min, max or count."], FeatureProblems(new FeatureSpec("x", FeatureKind.Observation, HbA1c, Aggregate: (Aggregate)9)));

    [Fact]
    public void Validate_NullOutcome_AsksWhatToPredict() =>
        Assert.Equal(
            ["outcome: say what to predict, e.g. {\"kind\": \"condition\", \"code\": \"44054006\", \"windowDays\": 730}."],
            Problems(Valid() with { Outcome = null! }));

    [Fact]
    public void Validate_OutcomeWithoutCode_AsksForOne() =>
        Assert.Equal(["outcome: needs a code (for a tabular label: the column name)."], Problems(Valid() with { Outcome = Outcome with { Code = " " } }));

    [Fact]
    public void Validate_ConditionOutcomeWithoutIndexDate_AsksForIt() =>
        Assert.Equal(
            ["indexDate: a condition outcome is counted in a window after the index date; set indexDate (yyyy-MM-dd)."],
            Problems(Valid() with { IndexDate = null }));

    [Fact]
    public void Validate_LabelOutcomeWithoutIndexDate_IsAllowed() =>
        Assert.Empty(Problems(Valid() with { IndexDate = null, Outcome = new OutcomeSpec(OutcomeKind.Label, "Outcome", Source: "pima") }));

    [Theory]
    [InlineData(0)]
    [InlineData(36_601)]
    public void Validate_OutcomeWindowOutOfRange_IsReported(int days) =>
        Assert.Equal(["outcome.windowDays must be between 1 and 36600 days."], Problems(Valid() with { Outcome = Outcome with { WindowDays = days } }));

    [Theory]
    [InlineData(4)]
    [InlineData(51)]
    [InlineData(0)]
    public void Validate_HoldoutPercentOutside5To50_IsReported(int percent) =>
        Assert.Equal(
            [$"holdoutPercent: {percent} is outside 5–50; 20 keeps one patient in five for evaluation."],
            Problems(Valid() with { HoldoutPercent = percent }));

    [Theory]
    [InlineData(5)]
    [InlineData(50)]
    public void Validate_HoldoutPercentAtTheBounds_IsAllowed(int percent) =>
        Assert.Empty(Problems(Valid() with { HoldoutPercent = percent }));

    [Theory]
    [InlineData(FeatureKind.Observation, "fold", "pima")]
    [InlineData(FeatureKind.Column, null, "pima")]
    [InlineData(FeatureKind.Column, "fold", null)]
    public void Validate_HoldoutColumnThatIsNotATabularColumn_IsReported(FeatureKind kind, string? code, string? source) =>
        Assert.Equal(
            ["holdoutColumn: must be a tabular column: {\"kind\": \"column\", \"source\": \"…\", \"code\": \"fold\"}."],
            Problems(Valid() with { HoldoutColumn = new FeatureSpec("fold", kind, code, Source: source) }));

    [Fact]
    public void Validate_SeveralProblems_AreAllReportedInOrder()
    {
        var definition = new ModelDefinition(
            [new FeatureSpec("", FeatureKind.Observation), new FeatureSpec("bmi", FeatureKind.Column, "BMI", WindowDays: 0)],
            new OutcomeSpec(OutcomeKind.Condition, "", WindowDays: 0),
            HoldoutPercent: 80);

        Assert.Equal(
            [
                "features[0]: give the feature a name.",
                "features[0]: this observation feature needs a code (for a column: the column name).",
                "features[1]: a column feature needs the tabular source id in 'source'.",
                "features[1]: windowDays must be between 1 and 36600 days.",
                "outcome: needs a code (for a tabular label: the column name).",
                "indexDate: a condition outcome is counted in a window after the index date; set indexDate (yyyy-MM-dd).",
                "outcome.windowDays must be between 1 and 36600 days.",
                "holdoutPercent: 80 is outside 5–50; 20 keeps one patient in five for evaluation.",
            ],
            Problems(definition));
    }
}
