using OrleansHealth.Learning.Data;
using OrleansHealth.Learning.Forests;
using OrleansHealth.Learning.Forests.Histogram;

namespace OrleansHealth.Learning.Tests.Forests.Histogram;

/// <summary>Matrices and tree walks shared by the histogram forest tests.</summary>
internal static class HistogramData
{
    public static FeatureMatrix Matrix(float[] values, bool[] labels, int columns) =>
        new(
            [.. Enumerable.Range(0, columns).Select(c => $"f{c}")],
            values,
            labels,
            [.. Enumerable.Range(0, labels.Length).Select(r => $"p{r}")]);

    /// <summary>
    /// Awkward values for binning: heavy ties, a signed zero, neighbouring floats, huge and tiny
    /// magnitudes, a constant column and a column with far more distinct values than bins. The label
    /// depends on the first two columns.
    /// </summary>
    public static FeatureMatrix Awkward(int rows, int seed)
    {
        const int columns = 6;
        var random = new Random(seed);
        var values = new float[rows * columns];
        var labels = new bool[rows];
        float[] neighbours = [1f, MathF.BitIncrement(1f), MathF.BitIncrement(MathF.BitIncrement(1f)), -0f, 0f, MathF.BitDecrement(0f), float.Epsilon];
        for (var r = 0; r < rows; r++)
        {
            var x = values.AsSpan(r * columns, columns);
            x[0] = (float)random.NextDouble();
            x[1] = random.Next(5);
            x[2] = neighbours[random.Next(neighbours.Length)];
            x[3] = random.Next(3) switch { 0 => 1e30f, 1 => -1e30f, _ => (float)(random.NextDouble() * 1e-30) };
            x[4] = 7f;
            x[5] = (float)Math.Round(random.NextDouble() * 40) / 8;
            labels[r] = (x[0] + (0.2 * x[1]) + (0.3 * random.NextDouble())) > 0.8;
        }

        return Matrix(values, labels, columns);
    }

    /// <summary>The leaf row <paramref name="row"/> reaches when every split is read as "bin &lt;= split bin".</summary>
    public static int BinnedLeaf(DecisionTree tree, int[] splitBin, BinnedMatrix bins, int row)
    {
        if (tree.NodeCount == 0)
        {
            return 0;
        }

        var node = 0;
        while (node >= 0)
        {
            var code = bins.Codes[(tree.SplitFeature[node] * bins.Rows) + row];
            node = code <= splitBin[node] ? tree.Left[node] : tree.Right[node];
        }

        return ~node;
    }

    /// <summary>The depth of every leaf (the root is depth 0).</summary>
    public static int[] LeafDepths(DecisionTree tree)
    {
        var depths = new int[tree.LeafCount];
        if (tree.NodeCount == 0)
        {
            return depths;
        }

        var pending = new Stack<(int Node, int Depth)>();
        pending.Push((0, 0));
        while (pending.Count > 0)
        {
            var (node, depth) = pending.Pop();
            foreach (var child in new[] { tree.Left[node], tree.Right[node] })
            {
                if (child >= 0)
                {
                    pending.Push((child, depth + 1));
                }
                else
                {
                    depths[~child] = depth + 1;
                }
            }
        }

        return depths;
    }
}
