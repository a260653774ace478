using Microsoft.ML;
using Microsoft.ML.Data;
using OrleansHealth.Learning.Data;
using OrleansHealth.Learning.Forests;
using OrleansHealth.Learning.Forests.Histogram;
using OrleansHealth.Learning.Scoring;
using OrleansHealth.Learning.Tests.Forests;
using Xunit.Abstractions;

namespace OrleansHealth.Learning.Tests.Scoring;

public class CompiledForestTests(ITestOutputHelper output)
{
    private static readonly ForestOptions Small = new(Trees: 40, Leaves: 64, Seed: 5);

    [Fact]
    public void TheLayoutIsContiguousWithAbsoluteChildrenAndLeaves()
    {
        var compiled = CompiledForest.Compile(HandBuilt.Forest(), HandBuilt.Cover());

        Assert.Equal(2, compiled.TreeCount);
        Assert.Equal(3, compiled.Width);
        Assert.Equal([0, 1, 1, 0], compiled.Feature);
        Assert.Equal([0.5f, 1f, 2f, 5f], compiled.Threshold);
        Assert.Equal([~0, ~1, ~3, ~4], compiled.Left);
        Assert.Equal([1, ~2, 3, ~5], compiled.Right);
        Assert.Equal([0, 2], compiled.Roots);
        Assert.Equal([0.2, 0.6, 1.0, 0.1, 0.5, 0.9], compiled.LeafValue);
        Assert.Equal(6, compiled.LeafCount);
        Assert.Equal(4, compiled.NodeCount);
    }

    [Fact]
    public void CompiledProbabilitiesEqualTheForestsExactlyOnRandomRowsWithNaNAndThresholdTies()
    {
        var training = Forests.Synthetic.Logistic(3_000, 8, seed: 21);
        var forests = new[]
        {
            FastForestShardTrainer.Train(training, Small),
            RandomForestTrainer.Train(training, new RandomForestSettings(Trees: 25, Seed: 3)),
        };

        foreach (var forest in forests)
        {
            var compiled = CompiledForest.Compile(forest, training);
            var rows = RandomRows(forest, 1_000, seed: 22);
            var batch = new double[rows.Rows];
            compiled.Probabilities(rows, batch);
            for (var r = 0; r < rows.Rows; r++)
            {
                var row = rows.Row(r);
                Assert.Equal(forest.Votes(row), compiled.Votes(row));
                Assert.Equal(forest.Probability(row), compiled.Probability(row));
                Assert.Equal(forest.Probability(row), batch[r]);
                Assert.Equal(forest.TreeProbabilities(row), compiled.TreeProbabilities(row));
            }
        }
    }

    [Fact]
    public void NaNGoesRightAtEverySplitAsInDecisionTree()
    {
        var compiled = CompiledForest.Compile(HandBuilt.Forest(), HandBuilt.Cover());

        // A: NaN > 0.5 fails → node 1, NaN <= 1 fails → leaf 2 (1.0); B: → node 1 → leaf 2 (0.9).
        Assert.Equal([1.0, 0.9], compiled.TreeProbabilities([float.NaN, float.NaN, 0]));
        Assert.Equal((1.0 + 0.9) / 2, compiled.Probability([float.NaN, float.NaN, 0]));

        // A value equal to the threshold goes left.
        Assert.Equal([0.2, 0.1], compiled.TreeProbabilities([0.5f, 2f, 0]));
    }

    [Fact]
    public void TheCompiledForestReproducesMlNetsScore()
    {
        var training = Forests.Synthetic.Logistic(2_000, 8, seed: 23);
        var (forest, model) = FastForestShardTrainer.TrainWithModel(training, Small, null, default);
        var compiled = CompiledForest.Compile(forest, training);
        var probe = training.Select([.. Enumerable.Range(0, 300)]);
        var scores = model.Transform(MatrixDataView.Create(new MLContext(seed: 0), probe)).GetColumn<float>("Score").ToArray();
        var ours = new double[probe.Rows];
        compiled.Probabilities(probe, ours);

        var worst = 0.0;
        for (var r = 0; r < probe.Rows; r++)
        {
            var fromScore = ((scores[r] / compiled.TreeCount) + 1) / 2;
            worst = Math.Max(worst, Math.Abs(ours[r] - fromScore));
        }

        Assert.True(worst < 1e-6, $"largest difference from ML.NET {worst}");
        output.WriteLine($"{compiled.TreeCount} trees, largest difference from ML.NET {worst:G3} (ML.NET's score is a float)");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(300)]
    public void BatchScoringEqualsSingleRowsForAnyBlockRemainder(int rows)
    {
        var training = Forests.Synthetic.Logistic(1_000, 6, seed: 24);
        var compiled = CompiledForest.Compile(FastForestShardTrainer.Train(training, Small), training);
        var probe = Forests.Synthetic.Logistic(Math.Max(rows, 1), 6, seed: 25).Select([.. Enumerable.Range(0, rows)]);
        var batch = Enumerable.Repeat(double.NaN, rows).ToArray();
        compiled.Probabilities(probe, batch);
        for (var r = 0; r < rows; r++)
        {
            Assert.Equal(compiled.Probability(probe.Row(r)), batch[r]);
        }
    }

    [Fact]
    public void AnyBlockSizeGivesTheSameProbabilitiesIncludingTreesThatNeverSplit()
    {
        var training = Forests.Synthetic.Logistic(1_000, 6, seed: 28);
        var trained = FastForestShardTrainer.Train(training, Small with { Trees = 12 });
        var stump = new DecisionTree([], [], [], [], [0.375]);
        var forest = new Forest([stump, .. trained.Trees, stump], trained.Width);
        var compiled = CompiledForest.Compile(forest, training);
        var probe = RandomRows(forest, 203, seed: 29);
        var expected = Enumerable.Range(0, probe.Rows).Select(r => forest.Probability(probe.Row(r))).ToArray();

        foreach (var rowsPerBlock in new[] { 1, 7, 8, 9, 64, 203, 1_000 })
        {
            var batch = new double[probe.Rows];
            compiled.Probabilities(probe, batch, rowsPerBlock);
            Assert.Equal(expected, batch);
        }
    }

    [Fact]
    public void TheVotesOfTwoCompiledHalvesAddUpToTheWhole()
    {
        var training = Forests.Synthetic.Logistic(1_500, 6, seed: 26);
        var forest = FastForestShardTrainer.Train(training, Small);
        var half = forest.Trees.Length / 2;
        var firstForest = new Forest(forest.Trees[..half], forest.Width);
        var secondForest = new Forest(forest.Trees[half..], forest.Width);
        var first = CompiledForest.Compile(firstForest, training);
        var second = CompiledForest.Compile(secondForest, training);
        var whole = CompiledForest.Compile(forest, training);
        var probe = RandomRows(forest, 500, seed: 27);

        for (var r = 0; r < probe.Rows; r++)
        {
            var row = probe.Row(r);
            Assert.Equal(firstForest.Votes(row), first.Votes(row));
            Assert.Equal(secondForest.Votes(row), second.Votes(row));
            var added = first.Votes(row) + second.Votes(row);
            Assert.Equal(whole.Votes(row).Trees, added.Trees);

            // Adding the halves regroups the same additions, so only the last bits may differ.
            Assert.True(Math.Abs(whole.Votes(row).Sum - added.Sum) <= 1e-12, $"row {r}: {whole.Votes(row).Sum} vs {added.Sum}");
            Assert.True(Math.Abs(whole.Probability(row) - added.Probability) <= 1e-12);
        }

        // With leaf values that add exactly (multiples of 1/8), the regrouped sum is identical.
        var a = new DecisionTree([0], [0f], [~0], [~1], [0.125, 0.75]);
        var b = new DecisionTree([1], [0f], [~0], [~1], [0.5, 0.375]);
        var c = new DecisionTree([], [], [], [], [0.25]);
        var cover = HandBuilt.Matrix(2, 1, 1);
        var all = CompiledForest.Compile(new Forest([a, b, c], 2), cover);
        var ab = CompiledForest.Compile(new Forest([a, b], 2), cover);
        var onlyC = CompiledForest.Compile(new Forest([c], 2), cover);
        foreach (var row in new float[][] { [-1, -1], [1, -1], [-1, 1], [1, 1], [float.NaN, 0] })
        {
            Assert.Equal(all.Votes(row), ab.Votes(row) + onlyC.Votes(row));
        }
    }

    [Fact]
    public void WrongWidthsAreRefused()
    {
        var forest = HandBuilt.Forest();
        var compiled = CompiledForest.Compile(forest, HandBuilt.Cover());

        Assert.Contains("cover rows have 2 columns", Assert.Throws<ArgumentException>(() => CompiledForest.Compile(forest, HandBuilt.Matrix(2, 0, 0))).Message, StringComparison.Ordinal);
        Assert.Contains("not 2", Assert.Throws<ArgumentException>(() => compiled.Probability([0f, 0f])).Message, StringComparison.Ordinal);
        Assert.Contains("not 4", Assert.Throws<ArgumentException>(() => compiled.Explain([0f, 0f, 0f, 0f])).Message, StringComparison.Ordinal);
        Assert.Contains("not 2", Assert.Throws<ArgumentException>(() => compiled.Probabilities(HandBuilt.Matrix(2, 0, 0), new double[1])).Message, StringComparison.Ordinal);
        Assert.Contains("output slots", Assert.Throws<ArgumentException>(() => compiled.Probabilities(HandBuilt.Cover(), new double[3])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ACorruptedCompiledForestFailsItsCheckInsteadOfLoopingOrMisreading()
    {
        static CompiledForest Fresh() => CompiledForest.Compile(HandBuilt.Forest(), HandBuilt.Cover());

        Fresh().ThrowIfInvalid();

        var cycle = Fresh();
        cycle.Right[1] = 0; // node 1 back to the root: a cycle
        Assert.Contains("reached twice", Assert.Throws<ArgumentException>(cycle.ThrowIfInvalid).Message, StringComparison.Ordinal);

        var shared = Fresh();
        shared.Roots[1] = 1; // tree B's root inside tree A
        Assert.Contains("reached twice", Assert.Throws<ArgumentException>(shared.ThrowIfInvalid).Message, StringComparison.Ordinal);

        var outOfRange = Fresh();
        outOfRange.Left[2] = ~17;
        Assert.Contains("points to leaf 17", Assert.Throws<ArgumentException>(outOfRange.ThrowIfInvalid).Message, StringComparison.Ordinal);

        var feature = Fresh();
        feature.Feature[0] = 3;
        Assert.Contains("feature 3", Assert.Throws<ArgumentException>(feature.ThrowIfInvalid).Message, StringComparison.Ordinal);

        var rootValue = Fresh();
        rootValue.RootValue[0] = 0.5;
        Assert.Contains("root value", Assert.Throws<ArgumentException>(rootValue.ThrowIfInvalid).Message, StringComparison.Ordinal);

        var leaf = Fresh();
        leaf.LeafValue[0] = 1.5;
        Assert.Contains("outside [0, 1]", Assert.Throws<ArgumentException>(leaf.ThrowIfInvalid).Message, StringComparison.Ordinal);

        // The scoring kernel checks the structure it copies, so it can walk without bounds checks.
        Assert.Contains("reached twice", Assert.Throws<ArgumentException>(
            () => ForestKernel.Create(3, [0, 1], [0.5f, 1f], [~0, ~1], [1, 0], [0], new double[3])).Message, StringComparison.Ordinal);
        Assert.Contains("feature 3", Assert.Throws<ArgumentException>(
            () => ForestKernel.Create(3, [3], [0.5f], [~0], [~1], [0], new double[2])).Message, StringComparison.Ordinal);
        Assert.Contains("have 3 leaves, not 2", Assert.Throws<ArgumentException>(
            () => ForestKernel.Create(3, [0, 1], [0.5f, 1f], [~0, ~1], [1, ~1], [0], new double[2])).Message, StringComparison.Ordinal);

        // Changing the persisted arrays after compiling does not reach the kernel already scoring with them.
        var scoring = Fresh();
        var before = scoring.Probability([2, 3, 7]);
        scoring.Right[1] = 0;
        Assert.Equal(before, scoring.Probability([2, 3, 7]));
    }

    /// <summary>
    /// Rows of uniform(−1.2, 1.2) values (a little beyond the training range), one value in ten NaN, and
    /// in every fourth row one value set exactly to a threshold the forest splits that feature at.
    /// </summary>
    internal static FeatureMatrix RandomRows(Forest forest, int rows, int seed)
    {
        var random = new Random(seed);
        var width = forest.Width;
        var splits = forest.Trees.SelectMany(t => t.SplitFeature.Zip(t.Threshold)).ToArray();
        var values = new float[rows * width];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = random.NextDouble() < 0.1 ? float.NaN : (float)((random.NextDouble() * 2.4) - 1.2);
        }

        for (var r = 0; r < rows && splits.Length > 0; r += 4)
        {
            var (feature, threshold) = splits[random.Next(splits.Length)];
            values[(r * width) + feature] = threshold;
        }

        return new FeatureMatrix(
            [.. Enumerable.Range(0, width).Select(c => $"f{c}")],
            values,
            new bool[rows],
            [.. Enumerable.Range(0, rows).Select(r => $"q{r}")]);
    }
}
