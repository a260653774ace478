using Microsoft.ML;
using Microsoft.ML.Data;
using OrleansHealth.Learning.Data;
using OrleansHealth.Learning.Forests;
using Xunit.Abstractions;

namespace OrleansHealth.Learning.Tests.Forests;

public class FastForestShardTrainerTests(ITestOutputHelper output)
{
    private static readonly ForestOptions Small = new(Trees: 40, Leaves: 32, MinExamplesPerLeaf: 5, Seed: 11);

    /// <summary>
    /// ML.NET's FastForest score is the sum of the trees' leaf values, so its probability in our terms is
    /// <c>(score / trees + 1) / 2</c>; the exported forest must reproduce that for every row.
    /// </summary>
    [Fact]
    public void TheExportReproducesMlNetsScoreExactly()
    {
        var training = Synthetic.Logistic(2_000, 8, seed: 1);
        var (forest, model) = FastForestShardTrainer.TrainWithModel(training, new ForestOptions(Trees: 100, Leaves: 64, Seed: 5), null, default);
        var probe = training.Select([.. Enumerable.Range(0, 200)]);

        var ml = new MLContext(seed: 0);
        var scores = model.Transform(MatrixDataView.Create(ml, probe)).GetColumn<float>("Score").ToArray();

        Assert.Equal(200, scores.Length);
        Assert.Equal(model.Model.TrainedTreeEnsemble.Trees.Count, forest.Trees.Length);
        var worst = 0.0;
        for (var r = 0; r < probe.Rows; r++)
        {
            var fromScore = ((scores[r] / forest.Trees.Length) + 1) / 2;
            var difference = Math.Abs(forest.Probability(probe.Row(r)) - fromScore);
            Assert.True(difference < 1e-6, $"row {r}: ours {forest.Probability(probe.Row(r))}, ML.NET {fromScore}");
            worst = Math.Max(worst, difference);
        }

        output.WriteLine($"{forest.Trees.Length} trees, largest difference {worst:G3} (ML.NET's score is a float)");
    }

    [Fact]
    public void TheSumOfLeafValuesIsTheScoreNotTheirMean()
    {
        var training = Synthetic.Logistic(500, 4, seed: 2);
        var (forest, model) = FastForestShardTrainer.TrainWithModel(training, Small, null, default);
        var score = model.Transform(MatrixDataView.Create(new MLContext(0), training)).GetColumn<float>("Score").First();
        var leafSum = forest.Trees.Sum(t => (2 * t.Probability(training.Row(0))) - 1);
        Assert.Equal(leafSum, score, 4);
        Assert.True(forest.Trees.Length > 1 && Math.Abs(leafSum / forest.Trees.Length - score) > 1e-3);
    }

    [Fact]
    public void TheSameSeedGivesTheSameTreesAndAnotherSeedDoesNot()
    {
        var training = Synthetic.Logistic(1_000, 6, seed: 3);
        var first = FastForestShardTrainer.Train(training, Small);
        var second = FastForestShardTrainer.Train(training, Small);
        var other = FastForestShardTrainer.Train(training, Small with { Seed = 12 });

        Assert.Equal(first.Trees.Length, second.Trees.Length);
        for (var t = 0; t < first.Trees.Length; t++)
        {
            Assert.Equal(first.Trees[t].SplitFeature, second.Trees[t].SplitFeature);
            Assert.Equal(first.Trees[t].Threshold, second.Trees[t].Threshold);
            Assert.Equal(first.Trees[t].Left, second.Trees[t].Left);
            Assert.Equal(first.Trees[t].Right, second.Trees[t].Right);
            Assert.Equal(first.Trees[t].LeafProbability, second.Trees[t].LeafProbability);
        }

        Assert.Contains(
            Enumerable.Range(0, Math.Min(first.Trees.Length, other.Trees.Length)),
            t => !first.Trees[t].Threshold.SequenceEqual(other.Trees[t].Threshold) || !first.Trees[t].LeafProbability.SequenceEqual(other.Trees[t].LeafProbability));
    }

    [Fact]
    public async Task ShardsTrainedConcurrentlyInOneProcessMatchSequentialTraining()
    {
        var shards = Enumerable.Range(0, 4).Select(s => Synthetic.Logistic(1_000, 6, seed: 30 + s)).ToArray();
        var sequential = shards.Select(s => FastForestShardTrainer.Train(s, Small)).ToArray();
        var concurrent = await Task.WhenAll(shards.Select(s => Task.Run(() => FastForestShardTrainer.Train(s, Small))));
        var probe = Synthetic.Logistic(200, 6, seed: 40);
        for (var s = 0; s < shards.Length; s++)
        {
            Assert.Equal(sequential[s].Trees.Length, concurrent[s].Trees.Length);
            for (var r = 0; r < probe.Rows; r++)
            {
                Assert.Equal(sequential[s].Probability(probe.Row(r)), concurrent[s].Probability(probe.Row(r)));
            }
        }
    }

    [Fact]
    public void ShardsMergeIntoTheTreeCountWeightedMean()
    {
        var a = FastForestShardTrainer.Train(Synthetic.Logistic(800, 5, seed: 4), Small with { Trees = 10 });
        var b = FastForestShardTrainer.Train(Synthetic.Logistic(800, 5, seed: 5), Small with { Trees = 30 });
        var merged = Forest.Merge([a, b]);
        var probe = Synthetic.Logistic(100, 5, seed: 6);
        for (var r = 0; r < probe.Rows; r++)
        {
            var row = probe.Row(r);
            var expected = ((a.Trees.Length * a.Probability(row)) + (b.Trees.Length * b.Probability(row))) / (a.Trees.Length + b.Trees.Length);
            Assert.Equal(expected, merged.Probability(row), 12);
            Assert.Equal(merged.Votes(row).Sum, a.Votes(row).Add(b.Votes(row)).Sum, 12);
        }
    }

    [Fact]
    public void TheForestSeparatesAClearSignalOnHeldOutRows()
    {
        var training = Synthetic.Logistic(3_000, 8, seed: 7, strength: 2);
        var heldOut = Synthetic.Logistic(2_000, 8, seed: 8, strength: 2);
        var forest = FastForestShardTrainer.Train(training, new ForestOptions(Seed: 1));
        var scores = Enumerable.Range(0, heldOut.Rows).Select(r => forest.Probability(heldOut.Row(r))).ToArray();
        Assert.True(Synthetic.Auroc(scores, heldOut.Labels) > 0.9, $"AUROC {Synthetic.Auroc(scores, heldOut.Labels)}");
        var importance = forest.GainImportance();
        Assert.NotNull(importance);
        Assert.Equal(1.0, importance.Sum(), 9);
        Assert.True(importance[0] > importance[7] && importance[1] > importance[7], "signal features carry more gain than noise");
    }

    [Fact]
    public void OneClassNoRowsMissingValuesAndBadOptionsAreRefusedWithReasons()
    {
        var oneClass = new FeatureMatrix(["x"], [1f, 2f, 3f], [true, true, true], ["a", "b", "c"]);
        Assert.Contains("both outcomes", Assert.Throws<ArgumentException>(() => FastForestShardTrainer.Train(oneClass, Small)).Message, StringComparison.Ordinal);

        var empty = new FeatureMatrix(["x"], [], [], []);
        Assert.Contains("at least one row", Assert.Throws<ArgumentException>(() => FastForestShardTrainer.Train(empty, Small)).Message, StringComparison.Ordinal);

        var missing = new FeatureMatrix(["x", "y"], [1f, 2f, float.NaN, 4f], [true, false], ["a", "b"]);
        Assert.Contains("Row 1, column 'x'", Assert.Throws<ArgumentException>(() => FastForestShardTrainer.Train(missing, Small)).Message, StringComparison.Ordinal);

        var training = Synthetic.Logistic(100, 4, seed: 9);
        Assert.Contains("Trees must be", Assert.Throws<ArgumentException>(() => FastForestShardTrainer.Train(training, Small with { Trees = 0 })).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2, 2, 1.0)]
    [InlineData(64, 1024, 0.01)]
    public void MlNetAcceptsTheEdgesOfTheOptions(int leaves, int bins, double fraction)
    {
        var options = new ForestOptions(Trees: 3, Leaves: leaves, MinExamplesPerLeaf: 1, FeatureFraction: 1.0, BaggingFraction: fraction, MaxBins: bins);
        var forest = FastForestShardTrainer.Train(Synthetic.Logistic(3_000, 4, seed: 13), options);
        Assert.InRange(forest.Trees.Length, 1, 3);
        Assert.All(forest.Trees, t => Assert.True(t.LeafCount <= leaves));
    }

    [Fact]
    public void ProgressRunsFromZeroToOnePerTree()
    {
        var log = new Synthetic.ProgressLog();
        var forest = FastForestShardTrainer.Train(Synthetic.Logistic(1_000, 4, seed: 10), Small, log);
        Assert.Equal(0, log.Reports[0]);
        Assert.Equal(1, log.Reports[^1]);
        Assert.True(log.Reports.Count >= forest.Trees.Length, $"{log.Reports.Count} reports for {forest.Trees.Length} trees");
        Assert.Equal(log.Reports.Order(), log.Reports);
    }

    [Fact]
    public void CancellationBeforeTrainingThrows()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => FastForestShardTrainer.Train(Synthetic.Logistic(100, 4, seed: 11), Small, ct: cts.Token));
    }

    [Fact]
    public void CancellationDuringTrainingStopsBeforeTheNextTree()
    {
        using var cts = new CancellationTokenSource();
        var log = new Synthetic.ProgressLog(p =>
        {
            if (p >= 0.2)
            {
                cts.Cancel();
            }
        });
        var options = Small with { Trees = 200 };
        Assert.ThrowsAny<OperationCanceledException>(() => FastForestShardTrainer.Train(Synthetic.Logistic(1_000, 4, seed: 12), options, log, cts.Token));
        Assert.True(log.Reports.Count < options.Trees / 2, $"{log.Reports.Count} progress reports before stopping");
    }
}
