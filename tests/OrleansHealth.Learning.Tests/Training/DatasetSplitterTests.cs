using OrleansHealth.Learning.Data;
using OrleansHealth.Learning.Features;
using OrleansHealth.Learning.Training;

namespace OrleansHealth.Learning.Tests.Training;

public sealed class DatasetSplitterTests
{
    private static readonly DateOnly Index = new(2022, 1, 1);

    private static readonly ModelDefinition Diabetes = new(
        [new FeatureSpec("age", FeatureKind.Age), new FeatureSpec("hba1c", FeatureKind.Observation, "4548-4")],
        new OutcomeSpec(OutcomeKind.Condition, "44054006", WindowDays: 730),
        IndexDate: Index);

    private static readonly ModelDefinition PimaFolds = new(
        [new FeatureSpec("glucose", FeatureKind.Column, "Glucose", Source: "pima"), new FeatureSpec("bmi", FeatureKind.Column, "BMI", Source: "pima")],
        new OutcomeSpec(OutcomeKind.Label, "Outcome", Source: "pima"),
        HoldoutColumn: new FeatureSpec("fold", FeatureKind.Column, "fold", Source: "pima"));

    /// <summary>Ids on the chosen side of the 20 % hash split, so the test decides who is held out.</summary>
    private static IEnumerable<string> Ids(bool heldOut) =>
        Enumerable.Range(0, int.MaxValue).Select(i => $"ps-{i:x6}").Where(id => HoldoutSplit.IsHeldOut(id, 20) == heldOut);

    /// <summary>A two-column cohort with the given class counts on each side of the hash split.</summary>
    private static FeatureMatrix Cohort(int trainPositive, int trainNegative, int heldPositive, int heldNegative)
    {
        var train = Ids(heldOut: false).Take(trainPositive + trainNegative).ToArray();
        var held = Ids(heldOut: true).Take(heldPositive + heldNegative).ToArray();
        string[] ids = [.. train, .. held];
        bool[] labels =
        [
            .. Enumerable.Repeat(true, trainPositive), .. Enumerable.Repeat(false, trainNegative),
            .. Enumerable.Repeat(true, heldPositive), .. Enumerable.Repeat(false, heldNegative),
        ];
        var values = Enumerable.Range(0, ids.Length * 2).Select(i => (float)i).ToArray();
        return new FeatureMatrix(["age", "hba1c"], values, labels, ids);
    }

    private static DatasetSplit Split(FeatureMatrix cohort, TrainingRequest? request = null, ModelDefinition? definition = null, int[]? matched = null) =>
        DatasetSplitter.Split(cohort, new string?[cohort.Rows], matched ?? [cohort.Rows, cohort.Rows], definition ?? Diabetes, request ?? new TrainingRequest(Shards: 2));

    /// <summary>50 Pima rows: fold = i mod 5, label = i even; fold "0" has 5 positives and 5 negatives.</summary>
    private static (FeatureMatrix Cohort, string?[] Folds) Pima()
    {
        var ids = Enumerable.Range(0, 50).Select(i => $"p{i}").ToArray();
        var labels = Enumerable.Range(0, 50).Select(i => i % 2 == 0).ToArray();
        var values = Enumerable.Range(0, 100).Select(i => (float)i).ToArray();
        var folds = Enumerable.Range(0, 50).Select(i => (i % 5).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray<string?>();
        return (new FeatureMatrix(["glucose", "bmi"], values, labels, ids), folds);
    }

    [Fact]
    public void Split_UsableCohort_HoldsOutByHashWithoutProblems()
    {
        var cohort = Cohort(20, 20, 5, 5);

        var split = Split(cohort);

        Assert.Empty(split.Problems);
        Assert.Equal(cohort.RowIds[..40], split.Training.RowIds);
        Assert.Equal(cohort.RowIds[40..], split.Holdout.RowIds);
        Assert.Equal(20, split.Training.Labels.Count(l => l));
        Assert.Equal(5, split.Holdout.Labels.Count(l => l));
        Assert.Equal(cohort.Values[..80], split.Training.Values);
        Assert.Equal(["age", "hba1c"], split.Holdout.Names);
    }

    [Fact]
    public void Split_RowsInAnyOrder_GoToTheSideTheirIdHashesTo()
    {
        var cohort = Cohort(20, 20, 5, 5);
        var shuffled = cohort.Select([.. Enumerable.Range(0, cohort.Rows).Reverse()]);

        var split = Split(shuffled);

        Assert.Empty(split.Problems);
        Assert.All(split.Holdout.RowIds, id => Assert.True(HoldoutSplit.IsHeldOut(id, 20)));
        Assert.All(split.Training.RowIds, id => Assert.False(HoldoutSplit.IsHeldOut(id, 20)));
        Assert.Equal(Enumerable.Reverse(cohort.RowIds[40..]), split.Holdout.RowIds);
    }

    [Fact]
    public void Split_FeatureCodeMatchingNobody_NamesTheFeatureAndItsSystemAndCode()
    {
        var split = Split(Cohort(20, 20, 5, 5), matched: [0, 0]);

        Assert.Equal(
            ["features[1] 'hba1c': no patient in the cohort has any observation with code http://loinc.org|4548-4; check the code and system (or the source and column)."],
            split.Problems);
    }

    [Fact]
    public void Split_PrefixCodeMatchingNobody_ShowsTheWildcard()
    {
        var definition = Diabetes with
        {
            Features = [new FeatureSpec("obesity", FeatureKind.Condition, "E66", System: "http://hl7.org/fhir/sid/icd-10-cm", Prefix: true)],
        };

        var split = DatasetSplitter.Split(Cohort(20, 20, 5, 5).SelectColumns([0]), new string?[50], [0], definition, new TrainingRequest(Shards: 2));

        Assert.Equal(
            ["features[0] 'obesity': no patient in the cohort has any condition with code http://hl7.org/fhir/sid/icd-10-cm|E66*; check the code and system (or the source and column)."],
            split.Problems);
    }

    [Fact]
    public void Split_ColumnMatchingNobody_NamesTheTabularSystem()
    {
        var (cohort, folds) = Pima();

        var split = DatasetSplitter.Split(cohort, folds, [50, 0], PimaFolds, new TrainingRequest(Shards: 1, HoldoutValues: ["0"]));

        Assert.Equal(
            ["features[1] 'bmi': no patient in the cohort has any column with code urn:ohealth:tabular:pima|BMI; check the code and system (or the source and column)."],
            split.Problems);
    }

    [Fact]
    public void Split_EmptyCohort_SaysSoOnly()
    {
        var split = Split(Cohort(0, 0, 0, 0), matched: [0, 0]);

        Assert.Equal(
            ["The model's cohort is empty: no patient has the outcome's data (check the outcome code, source and index date, and that data was ingested)."],
            split.Problems);
        Assert.Equal(0, split.Training.Rows);
        Assert.Equal(0, split.Holdout.Rows);
    }

    [Theory]
    [InlineData(0, 40, "all negative")]
    [InlineData(40, 0, "all positive")]
    public void Split_OneClassInTraining_IsReported(int positives, int negatives, string which)
    {
        var split = Split(Cohort(positives, negatives, 5, 5));

        Assert.Equal([$"The outcome has only one class in the training rows (40 patients, {which}); a classifier needs both."], split.Problems);
    }

    [Fact]
    public void Split_TooFewOfAClass_NamesTheCountsAndTheMinimum()
    {
        var split = Split(Cohort(4, 36, 5, 5));

        Assert.Equal(["The training rows have 4 positive and 36 negative patients; at least 5 of each are needed."], split.Problems);
    }

    [Fact]
    public void Split_ExactlyTheMinimumPerClass_IsAllowed() =>
        Assert.Empty(Split(Cohort(DatasetSplitter.MinPerClass, 35, 5, 5)).Problems);

    [Fact]
    public void Split_MoreShardsThanRowsAllow_NamesTheMaximum()
    {
        var split = Split(Cohort(25, 25, 5, 5), new TrainingRequest(Trees: 100, Shards: 3));

        Assert.Equal(["shards: 3 shards need at least 60 training rows (20 each); there are 50, which allows at most 2."], split.Problems);
    }

    [Fact]
    public void Split_ShardsExactlyFilled_IsAllowed() =>
        Assert.Empty(Split(Cohort(30, 30, 5, 5), new TrainingRequest(Shards: 3)).Problems);

    [Fact]
    public void Split_FewerRowsThanOneShardNeeds_SaysSo()
    {
        var split = Split(Cohort(7, 8, 5, 5), new TrainingRequest(Shards: 1));

        Assert.Equal(["15 training rows are fewer than the minimum of 20 for one shard."], split.Problems);
    }

    [Theory]
    [InlineData(0, 10, 10)]
    [InlineData(3, 0, 3)]
    [InlineData(0, 0, 0)]
    public void Split_HoldoutWithoutBothClasses_IsReported(int heldPositive, int heldNegative, int rows)
    {
        var split = Split(Cohort(20, 20, heldPositive, heldNegative));

        Assert.Equal([$"The held-out rows ({rows}) need both outcome classes for an honest evaluation; add data or raise holdoutPercent."], split.Problems);
    }

    [Fact]
    public void Split_HoldoutColumnWithValues_HoldsOutTheRowsWithThoseValues()
    {
        var (cohort, folds) = Pima();

        var split = DatasetSplitter.Split(cohort, folds, [50, 50], PimaFolds, new TrainingRequest(Shards: 2, HoldoutValues: ["0"]));

        Assert.Empty(split.Problems);
        Assert.Equal(["p0", "p5", "p10", "p15", "p20", "p25", "p30", "p35", "p40", "p45"], split.Holdout.RowIds);
        Assert.Equal(40, split.Training.Rows);
        Assert.DoesNotContain(split.Training.RowIds, id => split.Holdout.RowIds.Contains(id));
    }

    [Fact]
    public void Split_HoldoutColumnWithSeveralValues_MatchesIgnoringCaseAndKeepsRowsWithoutAValue()
    {
        var (cohort, _) = Pima();
        var folds = Enumerable.Range(0, 50).Select(i => i % 5 == 0 ? "A" : i % 5 == 1 ? "b" : i % 5 == 2 ? null : "c").ToArray();

        var split = DatasetSplitter.Split(cohort, folds, [50, 50], PimaFolds, new TrainingRequest(Shards: 1, HoldoutValues: ["a", "B"]));

        Assert.Empty(split.Problems);
        Assert.Equal(20, split.Holdout.Rows);
        Assert.Equal(30, split.Training.Rows);
        Assert.Contains("p2", split.Training.RowIds);
    }

    [Fact]
    public void Split_HoldoutColumnWithoutHoldoutValues_AsksForThemAndHoldsOutNothing()
    {
        var (cohort, folds) = Pima();

        var split = DatasetSplitter.Split(cohort, folds, [50, 50], PimaFolds, new TrainingRequest(Shards: 2));

        Assert.Equal(["holdoutValues: the model holds out by the column 'fold'; name the values to hold out, e.g. [\"0\"]."], split.Problems);
        Assert.Equal(50, split.Training.Rows);
        Assert.Equal(0, split.Holdout.Rows);
    }

    [Fact]
    public void Split_HoldoutValuesWithoutHoldoutColumn_IsReportedAndHoldsOutByHash()
    {
        var split = Split(Cohort(20, 20, 5, 5), new TrainingRequest(Shards: 2, HoldoutValues: ["0"]));

        Assert.Equal(["holdoutValues: this model has no holdoutColumn; define one, or leave holdoutValues out to hold out by hash."], split.Problems);
        Assert.Equal(10, split.Holdout.Rows);
    }
}
