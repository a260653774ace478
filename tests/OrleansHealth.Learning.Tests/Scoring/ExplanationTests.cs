using OrleansHealth.Learning.Forests;
using OrleansHealth.Learning.Forests.Histogram;
using OrleansHealth.Learning.Scoring;
using OrleansHealth.Learning.Tests.Forests;
using Xunit.Abstractions;

namespace OrleansHealth.Learning.Tests.Scoring;

public class ExplanationTests(ITestOutputHelper output)
{
    [Fact]
    public void NodeValuesAreCoverWeightedMeansOfLeavesAndUncoveredNodesTakeTheirChildrensMean()
    {
        var compiled = CompiledForest.Compile(HandBuilt.Forest(), HandBuilt.Cover());

        // Nodes in order A0, A1, B0, B1 (see HandBuilt): 0.6, 2.2/3, 0.1, 0.7.
        Assert.Equal([HandBuilt.A0, HandBuilt.A1, HandBuilt.B0, HandBuilt.B1], compiled.NodeValue);
        Assert.Equal([HandBuilt.A0, HandBuilt.B0], compiled.RootValue);
        Assert.Equal(0.6, HandBuilt.A0, 15); // 2.4 / 4 up to the rounding of 0.2 + 2.2
        Assert.Equal(0.1, HandBuilt.B0);
        Assert.Equal((HandBuilt.A0 + HandBuilt.B0) / 2, compiled.BaseValue);
    }

    [Fact]
    public void TheWorkedExampleCreditsEachSplitWithTheChangeInValue()
    {
        var compiled = CompiledForest.Compile(HandBuilt.Forest(), HandBuilt.Cover());

        // Row (2, 3, 7).
        // Tree A: root (0.6) → x0 = 2 > 0.5 → node 1 (0.7333): x0 gets +0.1333;
        //         node 1 → x1 = 3 > 1 → leaf 2 (1.0): x1 gets +0.2667. Tree A says 1.0.
        // Tree B: root (0.1) → x1 = 3 > 2 → node 1 (0.7): x1 gets +0.6;
        //         node 1 → x0 = 2 <= 5 → leaf 1 (0.5): x0 gets −0.2. Tree B says 0.5.
        // Base = (0.6 + 0.1) / 2 = 0.35; x0 = (0.1333 − 0.2) / 2 = −0.0333; x1 = (0.2667 + 0.6) / 2 = 0.4333; x2 = 0.
        // 0.35 − 0.0333 + 0.4333 = 0.75 = (1.0 + 0.5) / 2.
        var explanation = compiled.Explain([2, 3, 7]);

        Assert.Equal((HandBuilt.A0 + HandBuilt.B0) / 2, explanation.BaseValue);
        Assert.Equal(0.35, explanation.BaseValue, 15);
        Assert.Equal(0.75, explanation.Probability);
        Assert.Equal(
            [
                ((HandBuilt.A1 - HandBuilt.A0) + (0.5 - HandBuilt.B1)) / 2,
                ((1.0 - HandBuilt.A1) + (HandBuilt.B1 - HandBuilt.B0)) / 2,
                0.0,
            ],
            explanation.Contributions);
        Assert.Equal(-0.2 / 6, explanation.Contributions[0], 15);
        Assert.Equal(2.6 / 6, explanation.Contributions[1], 15);
        Assert.True(Math.Abs(explanation.BaseValue + explanation.Contributions.Sum() - explanation.Probability) <= 1e-12);
    }

    [Fact]
    public void NaNTakesTheRightPathInTheExplanationToo()
    {
        var compiled = CompiledForest.Compile(HandBuilt.Forest(), HandBuilt.Cover());

        // Both trees go right twice: A to leaf 2 (1.0), B to leaf 2 (0.9).
        var explanation = compiled.Explain([float.NaN, float.NaN, 0]);

        Assert.Equal((1.0 + 0.9) / 2, explanation.Probability);
        Assert.Equal(
            [
                ((HandBuilt.A1 - HandBuilt.A0) + (0.9 - HandBuilt.B1)) / 2,
                ((1.0 - HandBuilt.A1) + (HandBuilt.B1 - HandBuilt.B0)) / 2,
                0.0,
            ],
            explanation.Contributions);
    }

    [Fact]
    public void ATreeThatNeverSplitsAddsItsLeafToTheBaseAndCreditsNothing()
    {
        var stump = new DecisionTree([], [], [], [], [0.3]);
        var compiled = CompiledForest.Compile(new Forest([HandBuilt.TreeA(), stump], 3), HandBuilt.Cover());

        Assert.Equal(~3, compiled.Roots[1]);
        Assert.Equal([HandBuilt.A0, 0.3], compiled.RootValue);
        var explanation = compiled.Explain([0, 0, 0]); // A: x0 <= 0.5 → leaf 0 (0.2)
        Assert.Equal((0.2 + 0.3) / 2, explanation.Probability);
        Assert.Equal((HandBuilt.A0 + 0.3) / 2, explanation.BaseValue);
        Assert.Equal([(0.2 - HandBuilt.A0) / 2, 0, 0], explanation.Contributions);
    }

    [Fact]
    public void AnEmptyCoverGivesEveryNodeTheUnweightedMeanOfItsChildren()
    {
        var compiled = CompiledForest.Compile(HandBuilt.Forest(), HandBuilt.Matrix(3));
        var a1 = (0.6 + 1.0) / 2;
        Assert.Equal([(0.2 + a1) / 2, a1, (0.1 + HandBuilt.B1) / 2, HandBuilt.B1], compiled.NodeValue);
    }

    [Fact]
    public void BaseValuePlusContributionsIsTheProbabilityOnTrainedForests()
    {
        var training = Forests.Synthetic.Logistic(3_000, 8, seed: 31);
        var forests = new (string Name, Forest Forest)[]
        {
            ("FastForest", FastForestShardTrainer.Train(training, new ForestOptions(Trees: 60, Leaves: 64, Seed: 3))),
            ("RandomForestTrainer", RandomForestTrainer.Train(training, new RandomForestSettings(Trees: 30, Seed: 4))),
        };

        foreach (var (name, forest) in forests)
        {
            var compiled = CompiledForest.Compile(forest, training);
            var probe = CompiledForestTests.RandomRows(forest, 500, seed: 32);
            var worst = 0.0;
            for (var r = 0; r < probe.Rows; r++)
            {
                var row = probe.Row(r);
                var explanation = compiled.Explain(row);
                Assert.Equal(forest.Probability(row), explanation.Probability);
                Assert.Equal(forest.Width, explanation.Contributions.Length);
                var error = Math.Abs(explanation.BaseValue + explanation.Contributions.Sum() - explanation.Probability);
                Assert.True(error <= 1e-12, $"{name} row {r}: identity off by {error}");
                worst = Math.Max(worst, error);
            }

            // With the training rows as cover, the base value is the mean training probability and every
            // feature's contribution averages to zero over those rows (each node's credits cancel).
            var meanProbability = 0.0;
            var meanContribution = new double[forest.Width];
            for (var r = 0; r < training.Rows; r++)
            {
                var explanation = compiled.Explain(training.Row(r));
                meanProbability += explanation.Probability / training.Rows;
                for (var f = 0; f < forest.Width; f++)
                {
                    meanContribution[f] += explanation.Contributions[f] / training.Rows;
                }
            }

            Assert.True(Math.Abs(meanProbability - compiled.BaseValue) <= 1e-12, $"{name}: mean {meanProbability}, base {compiled.BaseValue}");
            Assert.All(meanContribution, c => Assert.True(Math.Abs(c) <= 1e-12, $"{name}: mean contribution {c}"));
            output.WriteLine($"{name}: {compiled.TreeCount} trees, {compiled.NodeCount} nodes, largest identity error {worst:G3}");
        }
    }
}
