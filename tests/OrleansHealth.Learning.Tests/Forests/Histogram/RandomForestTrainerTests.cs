using OrleansHealth.Learning.Data;
using OrleansHealth.Learning.Forests;
using OrleansHealth.Learning.Forests.Histogram;
using OrleansHealth.Learning.Tests.Forests;

namespace OrleansHealth.Learning.Tests.Forests.Histogram;

public class RandomForestTrainerTests
{
    private static readonly RandomForestSettings Small = new(Trees: 12, Seed: 7);

    [Fact]
    public void AFullyGrownTreeWithoutBootstrapSeparatesASeparableSetPerfectly()
    {
        // A checkerboard: no single feature predicts the label, but axis-aligned splits can isolate every
        // cell, and with distinct rows a tree grown until its leaves are pure must fit every row.
        var random = new Random(3);
        const int rows = 1_500;
        var values = new float[rows * 3];
        var labels = new bool[rows];
        for (var r = 0; r < rows; r++)
        {
            values[(r * 3) + 0] = (float)random.NextDouble();
            values[(r * 3) + 1] = (float)random.NextDouble();
            values[(r * 3) + 2] = (float)random.NextDouble();
            labels[r] = ((int)(values[r * 3] * 4) + (int)(values[(r * 3) + 1] * 4)) % 2 == 0;
        }

        var training = HistogramData.Matrix(values, labels, 3);
        var run = RandomForestTrainer.Run(training, new RandomForestSettings(Trees: 1, MinSamplesLeaf: 1), bootstrap: false, keepCounts: false, null, default);
        var tree = run.Forest.Trees[0];

        Assert.All(tree.LeafProbability, p => Assert.True(p is 0.0 or 1.0, $"impure leaf {p}"));
        for (var r = 0; r < rows; r++)
        {
            Assert.Equal(labels[r] ? 1.0 : 0.0, tree.Probability(training.Row(r)));
        }
    }

    [Fact]
    public void TheSameDataAndSettingsGiveIdenticalTreesWhateverTheThreadCount()
    {
        var training = Synthetic.Logistic(1_500, 7, seed: 4);

        var first = RandomForestTrainer.Train(training, Small);
        var again = RandomForestTrainer.Train(training, Small);
        var twoThreads = RandomForestTrainer.Train(training, Small with { Threads = 2 });
        var fiveThreads = RandomForestTrainer.Train(training, Small with { Threads = 5 });
        var otherSeed = RandomForestTrainer.Train(training, Small with { Seed = 8 });

        AssertSameTrees(first, again);
        AssertSameTrees(first, twoThreads);
        AssertSameTrees(first, fiveThreads);
        Assert.Contains(
            Enumerable.Range(0, Small.Trees),
            t => !first.Trees[t].Threshold.SequenceEqual(otherSeed.Trees[t].Threshold));
    }

    [Fact]
    public void TreesAreBootstrapSamplesWithLeafValuesTheWeightedShareOfPositives()
    {
        var training = Synthetic.Logistic(800, 5, seed: 6);
        var run = RandomForestTrainer.Run(training, new RandomForestSettings(Trees: 4, MinSamplesLeaf: 3, Seed: 2), bootstrap: true, keepCounts: true, null, default);

        foreach (var grown in run.Trees)
        {
            var counts = grown.Counts!;
            Assert.Equal(training.Rows, counts.Sum()); // SampleFraction 1: as many draws as rows
            var distinct = counts.Count(c => c > 0);
            Assert.InRange(distinct, 0.55 * training.Rows, 0.70 * training.Rows); // about 63 % distinct

            var weight = new long[grown.Tree.LeafCount];
            var positive = new long[grown.Tree.LeafCount];
            for (var r = 0; r < training.Rows; r++)
            {
                var leaf = grown.Tree.LeafIndex(training.Row(r));
                weight[leaf] += counts[r];
                positive[leaf] += training.Labels[r] ? counts[r] : 0;
            }

            for (var leaf = 0; leaf < weight.Length; leaf++)
            {
                Assert.True(weight[leaf] >= 3, $"leaf {leaf} holds {weight[leaf]} bootstrap rows");
                Assert.Equal((double)positive[leaf] / weight[leaf], grown.Tree.LeafProbability[leaf]);
            }
        }
    }

    [Fact]
    public void SampleFractionSetsTheBootstrapSize()
    {
        var training = Synthetic.Logistic(1_000, 4, seed: 9);
        var run = RandomForestTrainer.Run(training, new RandomForestSettings(Trees: 2, SampleFraction: 0.25), bootstrap: true, keepCounts: true, null, default);

        Assert.All(run.Trees, grown => Assert.Equal(250, grown.Counts!.Sum()));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void MaxDepthIsRespectedAndReached(int maxDepth)
    {
        var training = Synthetic.Logistic(2_000, 6, seed: 10);

        var forest = RandomForestTrainer.Train(training, Small with { MaxDepth = maxDepth });

        var depths = forest.Trees.Select(t => HistogramData.LeafDepths(t).Max()).ToArray();
        Assert.All(depths, depth => Assert.True(depth <= maxDepth, $"a leaf at depth {depth}"));
        Assert.Contains(maxDepth, depths);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(40)]
    public void MinSamplesLeafIsRespectedCountingTrainingRowsPerLeaf(int minSamplesLeaf)
    {
        var training = Synthetic.Logistic(1_200, 5, seed: 11);
        var run = RandomForestTrainer.Run(training, new RandomForestSettings(Trees: 3, MinSamplesLeaf: minSamplesLeaf, Seed: 5), bootstrap: false, keepCounts: false, null, default);

        foreach (var tree in run.Forest.Trees)
        {
            var rowsPerLeaf = new int[tree.LeafCount];
            for (var r = 0; r < training.Rows; r++)
            {
                rowsPerLeaf[tree.LeafIndex(training.Row(r))]++;
            }

            Assert.True(rowsPerLeaf.Min() >= minSamplesLeaf, $"a leaf of {rowsPerLeaf.Min()} rows");
            Assert.True(tree.LeafCount > 1);
        }
    }

    [Fact]
    public void MinSamplesSplitKeepsSmallerNodesAsLeaves()
    {
        var training = Synthetic.Logistic(1_200, 5, seed: 12);
        var run = RandomForestTrainer.Run(training, new RandomForestSettings(Trees: 2, MinSamplesSplit: 100), bootstrap: false, keepCounts: false, null, default);

        foreach (var tree in run.Forest.Trees)
        {
            // Rows reaching each internal node: every split must have had at least 100.
            var reaching = new int[tree.NodeCount];
            for (var r = 0; r < training.Rows; r++)
            {
                var node = 0;
                while (node >= 0)
                {
                    reaching[node]++;
                    node = training[r, tree.SplitFeature[node]] <= tree.Threshold[node] ? tree.Left[node] : tree.Right[node];
                }
            }

            Assert.All(reaching, n => Assert.True(n >= 100, $"a node of {n} rows was split"));
        }
    }

    [Fact]
    public void ConstantFeaturesDoNotStopASplitEvenWithOneFeaturePerSplit()
    {
        // Four constant columns and one informative one: scikit-learn keeps drawing features while every
        // drawn one is constant, so with MaxFeatures = 1 each root still splits on the informative column.
        const int rows = 200;
        var values = new float[rows * 5];
        var labels = new bool[rows];
        for (var r = 0; r < rows; r++)
        {
            values.AsSpan(r * 5, 5).Fill(1f);
            values[(r * 5) + 3] = r;
            labels[r] = r >= 100;
        }

        var training = HistogramData.Matrix(values, labels, 5);
        var settings = new RandomForestSettings(Trees: 20, MaxFeatures: 1);

        var forest = RandomForestTrainer.Train(training, settings);
        var unsampled = RandomForestTrainer.Run(training, settings, bootstrap: false, keepCounts: false, null, default).Forest;

        Assert.All(forest.Trees, tree => Assert.Equal([3], tree.SplitFeature));
        Assert.All(unsampled.Trees, tree => Assert.Equal([3], tree.SplitFeature));
        Assert.All(unsampled.Trees, tree => Assert.Equal(99.5f, tree.Threshold[0])); // the midpoint, as scikit-learn
    }

    [Fact]
    public void AClearSignalIsLearnedWellOnHeldOutRows()
    {
        var data = Synthetic.Logistic(6_000, 8, seed: 13, strength: 3.0);
        var training = data.Select([.. Enumerable.Range(0, 4_000)]);
        var test = data.Select([.. Enumerable.Range(4_000, 2_000)]);

        var forest = RandomForestTrainer.Train(training, new RandomForestSettings(Trees: 60, Seed: 3, Threads: 2));

        var scores = Enumerable.Range(0, test.Rows).Select(r => forest.Probability(test.Row(r))).ToArray();
        var auroc = Synthetic.Auroc(scores, test.Labels);
        Assert.True(auroc > 0.9, $"held-out AUROC {auroc}");
        Assert.Equal(60, forest.Trees.Length);
        Assert.Equal(8, forest.Width);

        // The split gains are reported and the label's strongest drivers lead the importance.
        var importance = forest.GainImportance()!;
        Assert.Equal(1.0, importance.Sum(), 9);
        Assert.True(importance[0] > importance[7] && importance[1] > importance[7]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void ProgressIsReportedOncePerTreeUpToOne(int threads)
    {
        var log = new Synthetic.ProgressLog();

        RandomForestTrainer.Train(Synthetic.Logistic(300, 4, seed: 14), Small with { Threads = threads }, log);

        Assert.Equal(Enumerable.Range(1, Small.Trees).Select(t => t / (double)Small.Trees), log.Reports);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void CancellingStopsTrainingBetweenTrees(int threads)
    {
        using var cancellation = new CancellationTokenSource();
        var log = new Synthetic.ProgressLog(_ => cancellation.Cancel());

        Assert.ThrowsAny<OperationCanceledException>(() =>
            RandomForestTrainer.Train(Synthetic.Logistic(300, 4, seed: 15), new RandomForestSettings(Trees: 50, Threads: threads), log, cancellation.Token));

        // Each thread finishes at most the tree it was growing when the first report cancelled.
        Assert.InRange(log.Reports.Count, 1, threads);
    }

    [Fact]
    public void AnAlreadyCancelledTokenTrainsNothing()
    {
        var log = new Synthetic.ProgressLog();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            RandomForestTrainer.Train(Synthetic.Logistic(300, 4, seed: 16), Small, log, new CancellationToken(canceled: true)));

        Assert.Empty(log.Reports);
    }

    [Fact]
    public void UnusableDataIsRejected()
    {
        var good = Synthetic.Logistic(50, 4, seed: 17);
        var oneClass = new FeatureMatrix(good.Names, good.Values, [.. good.Labels.Select(_ => true)], good.RowIds);
        var withNaN = (float[])good.Values.Clone();
        withNaN[7] = float.NaN;
        var empty = new FeatureMatrix(good.Names, [], [], []);

        Assert.Throws<ArgumentException>(() => RandomForestTrainer.Train(oneClass, Small));
        Assert.Throws<ArgumentException>(() => RandomForestTrainer.Train(new FeatureMatrix(good.Names, withNaN, good.Labels, good.RowIds), Small));
        Assert.Throws<ArgumentException>(() => RandomForestTrainer.Train(empty, Small));
        Assert.Throws<ArgumentNullException>(() => RandomForestTrainer.Train(null!, Small));
    }

    [Fact]
    public void InvalidSettingsAreRejected()
    {
        var data = Synthetic.Logistic(50, 4, seed: 18);

        var invalid = Assert.Throws<ArgumentException>(() => RandomForestTrainer.Train(data, Small with { Trees = 0, MaxBins = 300 }));
        Assert.Contains("Trees", invalid.Message);
        Assert.Contains("MaxBins", invalid.Message);
        var tooMany = Assert.Throws<ArgumentException>(() => RandomForestTrainer.Train(data, Small with { MaxFeatures = 5 }));
        Assert.Contains("only 4 features", tooMany.Message);
    }

    [Fact]
    public void ATinySetStillGivesAValidForest()
    {
        var data = HistogramData.Matrix([1f, 2f], [false, true], 1);

        var forest = RandomForestTrainer.Train(data, new RandomForestSettings(Trees: 30, Seed: 4));

        Assert.Equal(30, forest.Trees.Length);
        Assert.All(forest.Trees, t => Assert.True(t.NodeCount <= 1));
        Assert.All(forest.Trees, t => Assert.All(t.LeafProbability, p => Assert.True(p is 0.0 or 1.0)));
        forest.ThrowIfInvalid();
    }

    private static void AssertSameTrees(Forest expected, Forest actual)
    {
        Assert.Equal(expected.Trees.Length, actual.Trees.Length);
        for (var t = 0; t < expected.Trees.Length; t++)
        {
            Assert.Equal(expected.Trees[t].SplitFeature, actual.Trees[t].SplitFeature);
            Assert.Equal(expected.Trees[t].Threshold, actual.Trees[t].Threshold);
            Assert.Equal(expected.Trees[t].Left, actual.Trees[t].Left);
            Assert.Equal(expected.Trees[t].Right, actual.Trees[t].Right);
            Assert.Equal(expected.Trees[t].LeafProbability, actual.Trees[t].LeafProbability);
            Assert.Equal(expected.Trees[t].SplitGain, actual.Trees[t].SplitGain);
        }
    }
}
