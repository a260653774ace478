using OrleansHealth.Learning.Forests.Histogram;
using OrleansHealth.Learning.Scoring;

namespace OrleansHealth.Learning.Tests.Scoring;

/// <summary>
/// The batch walk (<see cref="ForestKernel.Leaves"/>: trees laid out afresh, rows walked in phases of 16
/// lanes, chunks, a padded last group) against a plain walk over the persisted arrays, leaf by leaf.
/// </summary>
public class ForestKernelTests
{
    /// <summary>Four fully grown classic trees on noisy labels, with leaf depths spread widely.</summary>
    private static readonly Lazy<CompiledForest> Grown = new(() =>
    {
        var training = Forests.Synthetic.Logistic(8_000, 6, seed: 41);
        return CompiledForest.Compile(RandomForestTrainer.Train(training, new RandomForestSettings(Trees: 4, Seed: 7)), training);
    });

    [Fact]
    public void TheGrownTreesNeedSeveralPhases()
    {
        var compiled = Grown.Value;
        var depths = compiled.Roots.Select(root => LeafDepths(compiled, root)).ToArray();
        Assert.All(depths, d => Assert.True(d.Max() - d.Min() > 12, $"leaf depths {d.Min()}..{d.Max()}"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(33)]
    [InlineData(129)]
    [InlineData(2_047)]
    [InlineData(2_048)]
    [InlineData(2_049)]
    [InlineData(4_500)]
    public void BatchLeavesEqualAPlainWalkForAnyRowCount(int count)
    {
        var compiled = Grown.Value;
        var kernel = Kernel(compiled);
        var rows = RandomRows(compiled, count, seed: 42);

        var leaves = new int[count];
        for (var t = 0; t < compiled.TreeCount; t++)
        {
            kernel.Leaves(t, rows, leaves);
            for (var r = 0; r < count; r++)
            {
                var row = rows.AsSpan(r * compiled.Width, compiled.Width);
                var expected = PlainWalk(compiled.Feature, compiled.Threshold, compiled.Left, compiled.Right, compiled.Roots[t], row);
                Assert.Equal(expected, leaves[r]);
                Assert.Equal(expected, kernel.Leaf(t, row));
            }
        }
    }

    [Fact]
    public void LongChainsStumpsAndShuffledNumberingWalkToTheSameLeaves()
    {
        // Tree 0: a chain 300 deep down its right side (x[i % 3] <= t: off to a leaf, else on); tree 1 never
        // splits; tree 2: a chain 40 deep down its left side; tree 3: a small balanced tree. Node and leaf
        // numbers are shuffled across trees, so neither is contiguous or in walking order.
        const int width = 3;
        var random = new Random(44);
        var feature = new List<int>();
        var threshold = new List<float>();
        var left = new List<int>();
        var right = new List<int>();
        var roots = new List<int>();
        var leafCount = 0;
        int NewLeaf() => ~leafCount++;
        int NewNode(int f, float th)
        {
            feature.Add(f);
            threshold.Add(th);
            left.Add(0);
            right.Add(0);
            return feature.Count - 1;
        }

        // Thresholds near −1 keep most rows going on, so walks of a hundred steps and more are common.
        var chain = Enumerable.Range(0, 300).Select(i => NewNode(i % width, (float)((random.NextDouble() * 0.1) - 0.98))).ToArray();
        for (var i = 0; i < chain.Length; i++)
        {
            left[chain[i]] = NewLeaf();
            right[chain[i]] = i + 1 < chain.Length ? chain[i + 1] : NewLeaf();
        }

        roots.Add(chain[0]);
        roots.Add(NewLeaf());
        var leftChain = Enumerable.Range(0, 40).Select(i => NewNode(i % width, (float)((random.NextDouble() * 0.1) + 0.88))).ToArray();
        for (var i = 0; i < leftChain.Length; i++)
        {
            right[leftChain[i]] = NewLeaf();
            left[leftChain[i]] = i + 1 < leftChain.Length ? leftChain[i + 1] : NewLeaf();
        }

        roots.Add(leftChain[0]);
        var top = NewNode(0, 0f);
        var (a, b) = (NewNode(1, -0.5f), NewNode(2, 0.5f));
        (left[top], right[top]) = (a, b);
        (left[a], right[a], left[b], right[b]) = (NewLeaf(), NewLeaf(), NewLeaf(), NewLeaf());
        roots.Add(top);

        var (nodeOrder, leafOrder) = (Shuffle(feature.Count, random), Shuffle(leafCount, random));
        int Node(int n) => nodeOrder[n];
        int Child(int c) => c >= 0 ? Node(c) : ~leafOrder[~c];
        var (f, th, l, r) = (new int[feature.Count], new float[feature.Count], new int[feature.Count], new int[feature.Count]);
        for (var n = 0; n < feature.Count; n++)
        {
            (f[Node(n)], th[Node(n)], l[Node(n)], r[Node(n)]) = (feature[n], threshold[n], Child(left[n]), Child(right[n]));
        }

        var rootArray = roots.Select(Child).ToArray();
        var leafValue = Enumerable.Range(0, leafCount).Select(i => (i % 11) / 10.0).ToArray();
        var kernel = ForestKernel.Create(width, f, th, l, r, rootArray, leafValue);

        foreach (var count in new[] { 1, 16, 40, 3_000 })
        {
            var rows = new float[count * width];
            for (var i = 0; i < rows.Length; i++)
            {
                rows[i] = random.NextDouble() < 0.02 ? float.NaN : (float)((random.NextDouble() * 2) - 1);
            }

            var leaves = new int[count];
            for (var t = 0; t < rootArray.Length; t++)
            {
                kernel.Leaves(t, rows, leaves);
                for (var row = 0; row < count; row++)
                {
                    Assert.Equal(PlainWalk(f, th, l, r, rootArray[t], rows.AsSpan(row * width, width)), leaves[row]);
                }
            }

            for (var row = 0; row < count; row++)
            {
                var values = rows.AsSpan(row * width, width);
                var sum = 0.0;
                foreach (var root in rootArray)
                {
                    sum += leafValue[~PlainWalk(f, th, l, r, root, values)];
                }

                Assert.Equal(sum, kernel.Sum(values));
            }
        }
    }

    [Fact]
    public void SumAddsTheTreesLeafValuesInTreeOrder()
    {
        var compiled = Grown.Value;
        var kernel = Kernel(compiled);
        var rows = RandomRows(compiled, 200, seed: 45);
        for (var r = 0; r < 200; r++)
        {
            var row = rows.AsSpan(r * compiled.Width, compiled.Width);
            var sum = 0.0;
            for (var t = 0; t < compiled.TreeCount; t++)
            {
                sum += compiled.LeafValue[~PlainWalk(compiled.Feature, compiled.Threshold, compiled.Left, compiled.Right, compiled.Roots[t], row)];
            }

            Assert.Equal(sum, kernel.Sum(row));
        }
    }

    private static ForestKernel Kernel(CompiledForest c) =>
        ForestKernel.Create(c.Width, c.Feature, c.Threshold, c.Left, c.Right, c.Roots, c.LeafValue);

    /// <summary>
    /// Rows of uniform(−1.2, 1.2) values, one in ten NaN, and in every third row one value set exactly to a
    /// threshold the forest splits that feature at.
    /// </summary>
    private static float[] RandomRows(CompiledForest compiled, int count, int seed)
    {
        var random = new Random(seed);
        var rows = new float[count * compiled.Width];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = random.NextDouble() < 0.1 ? float.NaN : (float)((random.NextDouble() * 2.4) - 1.2);
        }

        for (var r = 0; r < count; r += 3)
        {
            var n = random.Next(compiled.NodeCount);
            rows[(r * compiled.Width) + compiled.Feature[n]] = compiled.Threshold[n];
        }

        return rows;
    }

    private static int[] Shuffle(int count, Random random)
    {
        var order = Enumerable.Range(0, count).ToArray();
        random.Shuffle(order);
        return order;
    }

    private static List<int> LeafDepths(CompiledForest compiled, int root)
    {
        var depths = new List<int>();
        var pending = new Stack<(int Node, int Depth)>([(root, 0)]);
        while (pending.TryPop(out var at))
        {
            if (at.Node < 0)
            {
                depths.Add(at.Depth);
            }
            else
            {
                pending.Push((compiled.Left[at.Node], at.Depth + 1));
                pending.Push((compiled.Right[at.Node], at.Depth + 1));
            }
        }

        return depths;
    }

    /// <summary>The walk <see cref="CompiledForest"/> documents, over its arrays: left when <c>x &lt;= threshold</c>.</summary>
    private static int PlainWalk(int[] feature, float[] threshold, int[] left, int[] right, int root, ReadOnlySpan<float> row)
    {
        var node = root;
        while (node >= 0)
        {
            node = row[feature[node]] <= threshold[node] ? left[node] : right[node];
        }

        return node;
    }
}
