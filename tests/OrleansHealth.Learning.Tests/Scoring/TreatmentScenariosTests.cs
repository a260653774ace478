using OrleansHealth.Learning.Forests;
using OrleansHealth.Learning.Scoring;

namespace OrleansHealth.Learning.Tests.Scoring;

public class TreatmentScenariosTests
{
    /// <summary>
    /// Five trees over (treatment, age): each splits once on the treatment flag (column 0) at 0.5. Untreated
    /// rows land in leaves 0.5, 0.5, 0.5, 0.5, 0.5; treated rows in 0.1, 0.2, 0.3, 0.4, 0.5.
    /// </summary>
    private static CompiledForest Forest()
    {
        var treated = new[] { 0.1, 0.2, 0.3, 0.4, 0.5 };
        var trees = treated.Select(p => new DecisionTree([0], [0.5f], [~0], [~1], [0.5, p])).ToArray();
        return CompiledForest.Compile(new Forest(trees, 2), HandBuilt.Matrix(2, 0, 60, 1, 60));
    }

    [Fact]
    public void EachCandidateGetsItsProbabilitySpreadAndPercentilesOfTheTreeVotes()
    {
        var forest = Forest();
        float[] row = [1, 70];

        var scores = TreatmentScenarios.Score(forest, row, [
            new TreatmentCandidate("none", [(0, 0f)]),
            new TreatmentCandidate("drug", [(0, 1f)]),
            new TreatmentCandidate("as is", []),
        ]);

        Assert.Equal(["none", "drug", "as is"], scores.Select(s => s.Name));

        // Untreated: every tree says 0.5, so no spread.
        Assert.Equal(new ScenarioScore("none", 0.5, 0, 0.5, 0.5), scores[0]);

        // Treated: votes 0.1 .. 0.5, mean 0.3; population SD √(((0.2² + 0.1²) · 2) / 5) = √0.02;
        // 10th percentile at h = 4 · 0.1 = 0.4: 0.1 + 0.4 · 0.1 = 0.14; 90th at h = 3.6: 0.4 + 0.6 · 0.1 = 0.46.
        var drug = scores[1];
        Assert.Equal(forest.Probability([1, 70]), drug.Probability);
        Assert.Equal(0.3, drug.Probability, 15);
        Assert.Equal(Math.Sqrt(0.02), drug.TreeSpread, 15);
        Assert.Equal(0.14, drug.Low, 15);
        Assert.Equal(0.46, drug.High, 15);

        // The row itself is treated, so "as is" is the drug scenario, and the caller's row is untouched.
        Assert.Equal(drug with { Name = "as is" }, scores[2]);
        Assert.Equal([1f, 70f], row);
    }

    [Fact]
    public void BadCandidatesAreRefusedWithReasons()
    {
        var forest = Forest();
        float[] row = [0, 70];

        Assert.Contains("outside the row's 2 columns", Assert.Throws<ArgumentException>(() => TreatmentScenarios.Score(forest, row, [new TreatmentCandidate("x", [(2, 1f)])])).Message, StringComparison.Ordinal);
        Assert.Contains("column 0 twice", Assert.Throws<ArgumentException>(() => TreatmentScenarios.Score(forest, row, [new TreatmentCandidate("x", [(0, 1f), (0, 0f)])])).Message, StringComparison.Ordinal);
        Assert.Contains("NaN", Assert.Throws<ArgumentException>(() => TreatmentScenarios.Score(forest, row, [new TreatmentCandidate("x", [(0, float.NaN)])])).Message, StringComparison.Ordinal);
        Assert.Contains("needs a name", Assert.Throws<ArgumentException>(() => TreatmentScenarios.Score(forest, row, [new TreatmentCandidate("", [])])).Message, StringComparison.Ordinal);
        Assert.Contains("not 3", Assert.Throws<ArgumentException>(() => TreatmentScenarios.Score(forest, [0f, 0f, 0f], [])).Message, StringComparison.Ordinal);
        Assert.Empty(TreatmentScenarios.Score(forest, row, []));
    }
}
