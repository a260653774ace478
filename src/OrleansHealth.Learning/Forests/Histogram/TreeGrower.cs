using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace OrleansHealth.Learning.Forests.Histogram;

/// <summary>What one tree is grown with, resolved from <see cref="RandomForestSettings"/> and the data.</summary>
/// <param name="Bootstrap">False only in tests: every row once, no resampling.</param>
internal readonly record struct GrowOptions(
    int MaxFeatures, int MinSamplesLeaf, int MinSamplesSplit, int MaxDepth, int SampleSize, int Seed, bool Bootstrap);

/// <summary>A grown tree, the binned split behind each node (for tests), and optionally its bootstrap counts.</summary>
internal sealed record GrownTree(DecisionTree Tree, int[] SplitBin, int[]? Counts);

/// <summary>
/// Grows trees one at a time over a shared <see cref="BinnedMatrix"/>; one grower per thread, since it
/// owns every buffer a tree needs and reuses them from tree to tree (no allocation per node).
/// </summary>
/// <remarks>
/// The in-bag rows live in one index array, each node owning a contiguous range that is partitioned in
/// place when the node splits; beside it runs an array of packed (weight, positive weight) pairs in the
/// same order, so a histogram update is one byte read from the feature's column plus one 64-bit add.
/// Nodes with many rows build a 256-bin histogram per drawn feature; small nodes sort their few bin codes
/// instead, which beats clearing and scanning 256 bins for a handful of rows.
/// </remarks>
internal sealed class TreeGrower
{
    /// <summary>Below this many rows a node sorts its codes instead of building a histogram.</summary>
    internal const int SmallNode = 32;

    private const long LowMask = 0xFFFF_FFFFL;

    private readonly BinnedMatrix bins;
    private readonly bool[] labels;
    private readonly GrowOptions options;
    private readonly int rows;
    private readonly int features;

    private readonly int[] counts;
    private readonly int[] index;
    private readonly long[] packed;
    private readonly long[] histogram = new long[256];
    private readonly uint[] keys = new uint[SmallNode];
    private readonly int[] featureOrder;
    private readonly Pending[] stack;

    private readonly int[] splitFeature;
    private readonly float[] threshold;
    private readonly int[] splitBin;
    private readonly int[] left;
    private readonly int[] right;
    private readonly double[] gain;
    private readonly double[] leafProbability;

    public TreeGrower(BinnedMatrix bins, bool[] labels, GrowOptions options)
    {
        this.bins = bins;
        this.labels = labels;
        this.options = options;
        rows = bins.Rows;
        features = bins.Features;
        counts = new int[rows];
        index = new int[rows];
        packed = new long[rows];
        featureOrder = new int[features];

        // A tree over m distinct rows has at most m leaves, m - 1 internal nodes and depth m - 1.
        stack = new Pending[rows + 1];
        splitFeature = new int[rows];
        threshold = new float[rows];
        splitBin = new int[rows];
        left = new int[rows];
        right = new int[rows];
        gain = new double[rows];
        leafProbability = new double[rows + 1];
    }

    /// <summary>Grows tree number <paramref name="tree"/>; its random draws depend only on the seed and this number.</summary>
    public GrownTree Grow(int tree, bool keepCounts, CancellationToken ct)
    {
        var random = new TreeRandom(options.Seed, tree);

        // Feature draws shuffle this array in place from node to node; every tree starts from the same
        // order so that its draws do not depend on which trees this grower (thread) grew before.
        for (var f = 0; f < features; f++)
        {
            featureOrder[f] = f;
        }

        Array.Clear(counts);
        if (options.Bootstrap)
        {
            for (var s = 0; s < options.SampleSize; s++)
            {
                counts[random.Next(rows)]++;
            }
        }
        else
        {
            Array.Fill(counts, 1);
        }

        var inBag = 0;
        long totalWeight = 0, totalPositive = 0;
        for (var r = 0; r < rows; r++)
        {
            var c = counts[r];
            if (c == 0)
            {
                continue;
            }

            var positive = labels[r] ? c : 0;
            index[inBag] = r;
            packed[inBag] = ((long)c << 32) | (uint)positive;
            inBag++;
            totalWeight += c;
            totalPositive += positive;
        }

        var nodes = 0;
        var leaves = 0;
        var top = 0;
        var popped = 0;
        stack[top++] = new Pending(0, inBag, 0, -1, false, totalWeight, totalPositive);
        while (top > 0)
        {
            var node = stack[--top];
            if ((++popped & 1023) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            Split split = default;
            var isLeaf = node.Weight < options.MinSamplesSplit
                || node.Weight < 2L * options.MinSamplesLeaf
                || node.Positive == 0
                || node.Positive == node.Weight
                || node.Depth >= options.MaxDepth
                || !FindSplit(node, ref random, out split);
            if (isLeaf)
            {
                Link(node, ~leaves);
                leafProbability[leaves++] = (double)node.Positive / node.Weight;
                continue;
            }

            var id = nodes++;
            Link(node, id);
            var (value, bin) = bins.Threshold(split.Feature, split.LeftBin, split.RightBin);
            splitFeature[id] = split.Feature;
            threshold[id] = value;
            splitBin[id] = bin;
            var negative = node.Weight - node.Positive;
            var parentScore = ((double)(node.Positive * node.Positive) + (double)(negative * negative)) / node.Weight;
            gain[id] = Math.Max(0, (split.Score - parentScore) / totalWeight);

            var middle = Partition(node.Start, node.End, split.Feature, split.LeftBin);
            var depth = node.Depth + 1;
            stack[top++] = new Pending(middle, node.End, depth, id, false, node.Weight - split.LeftWeight, node.Positive - split.LeftPositive);
            stack[top++] = new Pending(node.Start, middle, depth, id, true, split.LeftWeight, split.LeftPositive);
        }

        var result = new DecisionTree(
            splitFeature.AsSpan(0, nodes).ToArray(),
            threshold.AsSpan(0, nodes).ToArray(),
            left.AsSpan(0, nodes).ToArray(),
            right.AsSpan(0, nodes).ToArray(),
            leafProbability.AsSpan(0, leaves).ToArray(),
            gain.AsSpan(0, nodes).ToArray());
        return new GrownTree(result, splitBin.AsSpan(0, nodes).ToArray(), keepCounts ? (int[])counts.Clone() : null);
    }

    private void Link(in Pending node, int child)
    {
        if (node.Parent < 0)
        {
            return;
        }

        if (node.IsLeft)
        {
            left[node.Parent] = child;
        }
        else
        {
            right[node.Parent] = child;
        }
    }

    /// <summary>
    /// Draws features without replacement and keeps the best Gini split among them. As in scikit-learn, at
    /// least <see cref="GrowOptions.MaxFeatures"/> features are visited (constant ones count), and drawing
    /// goes on while none has offered a valid split, until every feature has been tried.
    /// </summary>
    private bool FindSplit(in Pending node, ref TreeRandom random, out Split best)
    {
        best = new Split { Score = double.NegativeInfinity, Feature = -1 };
        var found = false;
        var count = node.End - node.Start;
        for (var k = 0; k < features && (k < options.MaxFeatures || !found); k++)
        {
            var j = k + random.Next(features - k);
            (featureOrder[k], featureOrder[j]) = (featureOrder[j], featureOrder[k]);
            var feature = featureOrder[k];
            found |= count >= SmallNode
                ? SplitByHistogram(node, feature, ref best)
                : SplitBySorting(node, feature, ref best);
        }

        return found;
    }

    private bool SplitByHistogram(in Pending node, int feature, ref Split best)
    {
        var hist = histogram;
        ref var histRef = ref MemoryMarshal.GetArrayDataReference(hist);
        ref var column = ref MemoryMarshal.GetReference(bins.Column(feature));
        ref var rowRef = ref MemoryMarshal.GetArrayDataReference(index);
        ref var packedRef = ref MemoryMarshal.GetArrayDataReference(packed);
        for (var i = node.Start; i < node.End; i++)
        {
            var code = Unsafe.Add(ref column, Unsafe.Add(ref rowRef, i));
            Unsafe.Add(ref histRef, code) += Unsafe.Add(ref packedRef, i);
        }

        var binCount = bins.BinCount(feature);
        var found = false;
        var previous = -1;
        long accumulated = 0;
        for (var b = 0; b < binCount; b++)
        {
            var h = hist[b];
            if (h == 0)
            {
                continue;
            }

            hist[b] = 0;
            if (previous >= 0)
            {
                var outcome = Consider(node, accumulated, feature, previous, b, ref best);
                if (outcome > 0)
                {
                    found = true;
                }
                else if (outcome < 0)
                {
                    // The right side is already below the leaf minimum and only shrinks: clear the rest.
                    hist.AsSpan(b + 1, binCount - b - 1).Clear();
                    break;
                }
            }

            accumulated += h;
            previous = b;
        }

        return found;
    }

    private bool SplitBySorting(in Pending node, int feature, ref Split best)
    {
        var column = bins.Column(feature);
        var count = node.End - node.Start;
        var local = keys.AsSpan(0, count);
        for (var i = 0; i < count; i++)
        {
            local[i] = ((uint)column[index[node.Start + i]] << 16) | (uint)i;
        }

        // Insertion sort: fewer than SmallNode keys, where it beats any general sort.
        for (var i = 1; i < count; i++)
        {
            var key = local[i];
            var j = i - 1;
            while (j >= 0 && local[j] > key)
            {
                local[j + 1] = local[j];
                j--;
            }

            local[j + 1] = key;
        }

        var found = false;
        var previous = (int)(local[0] >> 16);
        long accumulated = packed[node.Start + (int)(local[0] & 0xFFFF)];
        for (var i = 1; i < count; i++)
        {
            var code = (int)(local[i] >> 16);
            if (code != previous)
            {
                var outcome = Consider(node, accumulated, feature, previous, code, ref best);
                if (outcome > 0)
                {
                    found = true;
                }
                else if (outcome < 0)
                {
                    break;
                }

                previous = code;
            }

            accumulated += packed[node.Start + (int)(local[i] & 0xFFFF)];
        }

        return found;
    }

    /// <summary>
    /// Scores the split with <paramref name="accumulated"/> (packed weight and positives) on the left:
    /// 1 when it is valid, 0 when the left side is still below the leaf minimum, −1 when the right side
    /// is (so no later threshold can be valid either). The score is scikit-learn's Gini proxy,
    /// Σ over children of (positives² + negatives²) / weight, which orders splits as the Gini decrease does.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Consider(in Pending node, long accumulated, int feature, int leftBin, int rightBin, ref Split best)
    {
        var leftWeight = accumulated >>> 32;
        var leftPositive = accumulated & LowMask;
        var rightWeight = node.Weight - leftWeight;
        if (rightWeight < options.MinSamplesLeaf)
        {
            return -1;
        }

        if (leftWeight < options.MinSamplesLeaf)
        {
            return 0;
        }

        var rightPositive = node.Positive - leftPositive;
        var leftNegative = leftWeight - leftPositive;
        var rightNegative = rightWeight - rightPositive;
        var score = ((double)((leftPositive * leftPositive) + (leftNegative * leftNegative)) / leftWeight)
            + ((double)((rightPositive * rightPositive) + (rightNegative * rightNegative)) / rightWeight);
        if (score > best.Score)
        {
            best.Score = score;
            best.Feature = feature;
            best.LeftBin = leftBin;
            best.RightBin = rightBin;
            best.LeftWeight = leftWeight;
            best.LeftPositive = leftPositive;
        }

        return 1;
    }

    /// <summary>Moves the node's rows with code &lt;= <paramref name="leftBin"/> to the front; returns where the right side starts.</summary>
    private int Partition(int start, int end, int feature, int leftBin)
    {
        ref var column = ref MemoryMarshal.GetReference(bins.Column(feature));
        var i = start;
        var j = end - 1;
        while (true)
        {
            while (i <= j && Unsafe.Add(ref column, index[i]) <= leftBin)
            {
                i++;
            }

            while (i <= j && Unsafe.Add(ref column, index[j]) > leftBin)
            {
                j--;
            }

            if (i >= j)
            {
                return i;
            }

            (index[i], index[j]) = (index[j], index[i]);
            (packed[i], packed[j]) = (packed[j], packed[i]);
            i++;
            j--;
        }
    }

    private readonly record struct Pending(int Start, int End, int Depth, int Parent, bool IsLeft, long Weight, long Positive);

    private struct Split
    {
        public double Score;
        public int Feature;
        public int LeftBin;
        public int RightBin;
        public long LeftWeight;
        public long LeftPositive;
    }
}
