using OrleansHealth.Learning.Forests.Histogram;

namespace OrleansHealth.Learning.Tests.Forests.Histogram;

public class BinnedMatrixTests
{
    [Fact]
    public void EveryTrainingRowTakesTheSameSideInBinnedAndInFloatSpace()
    {
        var training = HistogramData.Awkward(3_000, seed: 1);
        foreach (var maxBins in new[] { 4, 16, 255 })
        {
            var run = RandomForestTrainer.Run(training, new RandomForestSettings(Trees: 5, MaxBins: maxBins, Seed: 3), bootstrap: true, keepCounts: false, null, default);
            var checkedSplits = 0;
            foreach (var grown in run.Trees)
            {
                var tree = grown.Tree;
                for (var node = 0; node < tree.NodeCount; node++)
                {
                    var feature = tree.SplitFeature[node];
                    for (var r = 0; r < training.Rows; r++)
                    {
                        var binnedLeft = run.Bins.Codes[(feature * training.Rows) + r] <= grown.SplitBin[node];
                        var floatLeft = training[r, feature] <= tree.Threshold[node];
                        Assert.True(binnedLeft == floatLeft, $"bins {maxBins}, node {node}, row {r}: value {training[r, feature]:R}, threshold {tree.Threshold[node]:R}, bin {grown.SplitBin[node]}");
                    }

                    checkedSplits++;
                }

                for (var r = 0; r < training.Rows; r++)
                {
                    Assert.Equal(HistogramData.BinnedLeaf(tree, grown.SplitBin, run.Bins, r), tree.LeafIndex(training.Row(r)));
                }
            }

            Assert.True(checkedSplits > 50, $"only {checkedSplits} splits with {maxBins} bins");
        }
    }

    [Fact]
    public void FewDistinctValuesGetOneBinEachAndSignedZerosShareOne()
    {
        float[] column = [3f, -0f, 1f, 3f, 0f, 2f, 1f, -5f];
        var matrix = HistogramData.Matrix(column, [true, false, true, false, true, false, true, false], 1);

        var bins = BinnedMatrix.Build(matrix, maxBins: 255, threads: 1);

        Assert.Equal([-5f, 0f, 1f, 2f, 3f], bins.BinMax[0]);
        Assert.Equal(bins.BinMax[0], bins.BinMin[0]);
        Assert.Equal(new byte[] { 4, 1, 2, 4, 1, 3, 2, 0 }, bins.Codes);
    }

    [Fact]
    public void ManyDistinctValuesAreCutIntoEqualCountBinsWithoutSplittingAValue()
    {
        var values = new float[10_000];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = i < 3_000 ? 0.5f : i; // one heavy value, then distinct ones
        }

        var labels = Enumerable.Range(0, values.Length).Select(i => i % 2 == 0).ToArray();
        var bins = BinnedMatrix.Build(HistogramData.Matrix(values, labels, 1), maxBins: 8, threads: 1);

        Assert.Equal(8, bins.BinCount(0));
        var sizes = new int[8];
        foreach (var code in bins.Codes)
        {
            sizes[code]++;
        }

        Assert.Equal(3_000, sizes[0]); // the heavy value fills a bin alone
        Assert.Equal(0.5f, bins.BinMax[0][0]);
        Assert.All(sizes.Skip(1), size => Assert.Equal(1_000, size)); // the other 7000 rows in seven equal parts
        for (var b = 0; b + 1 < 8; b++)
        {
            Assert.True(bins.BinMax[0][b] < bins.BinMin[0][b + 1]);
        }
    }

    [Fact]
    public void ThresholdsAimAtTheMidpointLikeScikitLearnAndStayInsideAGap()
    {
        float[] column = [0f, 1f, 2f, 10f];
        var bins = BinnedMatrix.Build(HistogramData.Matrix(column, [false, false, true, true], 1), maxBins: 255, threads: 1);

        Assert.Equal((0.5f, 0), bins.Threshold(0, leftBin: 0, rightBin: 1));
        Assert.Equal((6f, 2), bins.Threshold(0, leftBin: 2, rightBin: 3));

        // A node holding only 0 and 10: the midpoint 5 lies between 2 and 10, in the gap after bin 2.
        Assert.Equal((5f, 2), bins.Threshold(0, leftBin: 0, rightBin: 3));

        // A node holding only 0 and 2: the midpoint 1 is itself a training value (bin 1); the nearest exact
        // threshold is 1 itself, at the start of the gap after bin 1, so it stands for "bin <= 1".
        Assert.Equal((1f, 1), bins.Threshold(0, leftBin: 0, rightBin: 2));
    }

    [Fact]
    public void ThresholdsBetweenNeighbouringFloatsNeverRoundOntoTheUpperValue()
    {
        var low = 1f;
        var high = MathF.BitIncrement(low);
        var bins = BinnedMatrix.Build(HistogramData.Matrix([low, high], [false, true], 1), maxBins: 255, threads: 1);

        var (threshold, bin) = bins.Threshold(0, 0, 1);

        Assert.Equal(0, bin);
        Assert.True(low <= threshold && threshold < high, $"{threshold:R}");
    }

    [Fact]
    public void CodesAreEachValuesBinWithOneThreadOrMany()
    {
        var training = HistogramData.Awkward(2_000, seed: 5);

        var one = BinnedMatrix.Build(training, 32, threads: 1);
        var three = BinnedMatrix.Build(training, 32, threads: 3);

        Assert.Equal(one.Codes, three.Codes);
        for (var f = 0; f < training.Columns; f++)
        {
            for (var r = 0; r < training.Rows; r++)
            {
                Assert.Equal(one.BinOf(f, training[r, f]), one.Codes[(f * training.Rows) + r]);
            }
        }

        for (var f = 0; f < training.Columns; f++)
        {
            Assert.Equal(one.BinMin[f], three.BinMin[f]);
            Assert.Equal(one.BinMax[f], three.BinMax[f]);
        }
    }
}
