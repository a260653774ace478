using OrleansHealth.Learning.Data;
using OrleansHealth.Learning.Preprocessing;

namespace OrleansHealth.Learning.Tests.Preprocessing;

public sealed class PreprocessorTests
{
    private const float NaN = float.NaN;

    /// <summary>
    /// Eight rows of four features: "noise" is independent of the label, "signal" equals it but is
    /// missing in two rows, "weak" mostly follows it, "flat" is constant.
    /// </summary>
    private static FeatureMatrix Training()
    {
        bool[] labels = [false, false, false, false, true, true, true, true];
        float[] noise = [1, 2, 1, 2, 1, 2, 1, 2];
        float[] signal = [0, 0, NaN, 0, 1, NaN, 1, 1];
        float[] weak = [10, 20, 10, 30, 30, 40, 30, 10];
        float[] flat = [5, 5, 5, 5, 5, 5, 5, 5];
        return Matrices.FromColumns(["noise", "signal", "weak", "flat"], labels, noise, signal, weak, flat);
    }

    [Fact]
    public void Fit_SelectsTheTopFeaturesAndRemembersTheRawWidth()
    {
        var plan = Preprocessor.Fit(Training(), topK: 2);

        Assert.Equal([1, 2], plan.SelectedColumns);
        Assert.Equal(4, plan.InputWidth);
        Assert.Equal(["signal", "weak"], plan.Imputation.InputNames);
        Assert.Equal(["signal", "weak", "signal (missing)"], plan.OutputNames);
        Assert.Equal(3, plan.OutputWidth);
    }

    [Fact]
    public void Fit_WithoutTopK_KeepsEveryColumn()
    {
        var plan = Preprocessor.Fit(Training(), topK: null);

        Assert.Equal([0, 1, 2, 3], plan.SelectedColumns);
    }

    [Fact]
    public void Fit_ImputesThenStandardisesOnTheImputedTrainingData()
    {
        var plan = Preprocessor.Fit(Training(), topK: 2);

        // signal: present 0,0,0,1,1,1 → median 0.5; imputed column 0,0,.5,0,1,.5,1,1 → mean 0.5.
        // weak: sorted 10,10,10,20,30,30,30,40 → median 25, mean 22.5.
        Assert.Equal([0.5, 25.0], plan.Imputation.Medians);
        Assert.Equal([0], plan.Imputation.IndicatorColumns);
        var standardization = Assert.IsType<Standardization>(plan.Standardization);
        Assert.Equal([0.5, 22.5, 0.25], standardization.Means);
        Assert.Equal(Math.Sqrt(1.5 / 8), standardization.Scales[0], 15);
    }

    [Fact]
    public void Apply_MatchesDoingTheStepsByHand()
    {
        var training = Training();
        var plan = Preprocessor.Fit(training, topK: 3);

        var selected = FeatureSelection.TopK(MutualInformation.Rank(training), 3);
        var kept = training.SelectColumns(selected);
        var imputation = MedianImputer.Fit(kept);
        var standardization = Standardizer.Fit(imputation.Transform(kept));

        float[][] rows = [[7, NaN, 25, 5], [1, 1, NaN, 5], [2, 0, 10, NaN], [NaN, NaN, NaN, NaN]];
        foreach (var raw in rows)
        {
            var picked = selected.Select(c => raw[c]).ToArray();
            var imputed = new float[imputation.OutputWidth];
            imputation.Transform(picked, imputed);
            var scaled = new float[imputed.Length];
            standardization.Transform(imputed, scaled);

            Assert.Equal(imputed, plan.Apply(raw, standardise: false));
            Assert.Equal(scaled, plan.Apply(raw, standardise: true));
        }
    }

    [Fact]
    public void Apply_GivesTheExpectedNumbers()
    {
        var plan = Preprocessor.Fit(Training(), topK: 2);

        // signal missing → 0.5 and indicator 1; weak 25.
        Assert.Equal([0.5f, 25, 1], plan.Apply([9, NaN, 25, 9], standardise: false));

        var scaled = plan.Apply([9, NaN, 22.5f, 9], standardise: true);
        Assert.Equal(0f, scaled[0]);
        Assert.Equal(0f, scaled[1]);
        Assert.Equal((float)(0.75 / Math.Sqrt(0.1875)), scaled[2]);
    }

    [Fact]
    public void Apply_StandardisedTrainingRows_HaveMeanZeroPerColumn()
    {
        var training = Training();
        var plan = Preprocessor.Fit(training, topK: null);

        var outputs = Enumerable.Range(0, training.Rows).Select(r => plan.Apply(training.Row(r), standardise: true)).ToArray();

        for (var c = 0; c < plan.OutputWidth; c++)
        {
            Assert.Equal(0, outputs.Average(o => (double)o[c]), 6);
        }
    }

    [Fact]
    public void Apply_WrongWidth_ThrowsWithExpectedAndActualCounts()
    {
        var plan = Preprocessor.Fit(Training(), topK: 2);

        var ex = Assert.Throws<ArgumentException>(() => plan.Apply([1, 2, 3], standardise: false));

        Assert.Equal("expected 4 values, got 3 (Parameter 'raw')", ex.Message);
    }

    [Fact]
    public void Apply_StandardiseWithoutStandardization_Throws()
    {
        var plan = Preprocessor.Fit(Training(), topK: 2) with { Standardization = null };

        Assert.Equal([0.5f, 25, 1], plan.Apply([9, NaN, 25, 9], standardise: false));
        Assert.Throws<InvalidOperationException>(() => plan.Apply([9, NaN, 25, 9], standardise: true));
    }

    [Fact]
    public void Fit_WithAGivenRanking_UsesItInsteadOfRankingAgain()
    {
        FeatureScore[] ranking = [new(3, "flat", 0.9, 1), new(0, "noise", 0.8, 2), new(1, "signal", 0.1, 3), new(2, "weak", 0, 4)];

        var plan = Preprocessor.Fit(Training(), topK: 2, ranking);

        Assert.Equal([0, 3], plan.SelectedColumns);
    }

    [Fact]
    public void Fit_RankingNamingAMissingColumn_Throws()
    {
        FeatureScore[] ranking = [new(7, "gone", 0.9, 1)];

        Assert.Throws<ArgumentException>(() => Preprocessor.Fit(Training(), topK: 1, ranking));
    }

    [Fact]
    public void Fit_TopKBelowOne_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Preprocessor.Fit(Training(), topK: 0));
    }
}
