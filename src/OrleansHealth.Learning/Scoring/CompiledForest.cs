using System.Buffers;
using OrleansHealth.Learning.Data;
using OrleansHealth.Learning.Forests;

namespace OrleansHealth.Learning.Scoring;

/// <summary>
/// A <see cref="Forest"/> compiled for scoring: every tree's nodes in one set of contiguous arrays, so a
/// row walks all trees without touching a per-tree object. Internal node <c>n</c> (an absolute index
/// over all trees) sends a row to <see cref="Left"/>[n] when feature <see cref="Feature"/>[n] is
/// <c>&lt;=</c> <see cref="Threshold"/>[n] and to <see cref="Right"/>[n] otherwise; a NaN value fails the
/// test and goes right, exactly as <see cref="DecisionTree.LeafIndex"/> does. A child <c>c &gt;= 0</c> is
/// another internal node; <c>c &lt; 0</c> is the leaf <c>~c</c>, an absolute index into
/// <see cref="LeafValue"/>. <see cref="Roots"/>[t] is tree <c>t</c>'s root, encoded the same way (a tree
/// that never splits has a leaf for a root).
/// </summary>
/// <remarks>
/// <para>
/// Scoring reuses the forest's vote math: the leaf values are the trees' own
/// <see cref="DecisionTree.LeafProbability"/> values, summed in tree order from 0 into a
/// <see cref="VoteSum"/>, so <see cref="Probability"/> equals <see cref="Forest.Probability"/> bit for
/// bit, and the <see cref="Votes"/> of compiled shards add up like the shards' forests do.
/// </para>
/// <para>
/// For tree-path (Saabas) attribution every internal node carries <see cref="NodeValue"/>: the
/// cover-weighted mean of the probabilities of the leaves below it, where a leaf's cover is the number
/// of rows of the <c>cover</c> matrix given to <see cref="Compile"/> (normally the training rows) that
/// reach it. A node no cover row reaches gets the unweighted mean of its two children's values, so
/// every node has a value whatever the cover (an empty cover gives every node the unweighted mean of
/// its children). <see cref="RootValue"/>[t] is the value of tree <c>t</c>'s root (its leaf's value for
/// a tree that never splits). See <see cref="Explain"/>.
/// </para>
/// <para>
/// Scoring itself runs on a private copy of the structure (<see cref="ForestKernel"/>, built and checked
/// on first use, also after deserialisation), walked without bounds checks; its batch path reads a tree
/// into cache and walks the rows through it sixteen at a time without branches. See there for the
/// measurements. The arrays above are the persisted form.
/// </para>
/// <para>
/// The compiled forest takes ownership of its arrays: callers must not change them (scoring would not
/// see the change, attribution would). Orleans does not run constructors when it deserialises; the
/// structure is checked anyway before the first walk, but code that loads a compiled forest from storage
/// it does not trust calls <see cref="ThrowIfInvalid"/>, which also checks the values.
/// </para>
/// </remarks>
[GenerateSerializer, Immutable, Alias("oh.learning.CompiledForest")]
public sealed class CompiledForest
{
    /// <summary>
    /// Bytes of row values scored together, tree by tree, in <see cref="Probabilities(FeatureMatrix, Span{double})"/>:
    /// 4 MB, about 35,000 rows of 30 features. On 100 fully grown trees (≈ 12,000 leaves each, ≈ 19 MB of
    /// nodes) one block of 24,000 rows scored ≈ 2.7× faster than blocks of 1,024 rows and ≈ 4× faster than
    /// blocks of 64, because each tree is read into cache once per block while the rows stream past; on
    /// 100 trees of 200 leaves (the whole forest fits in cache) the block size made no measurable difference.
    /// That was the eight-lane kernel; the current one reads each tree into cache before a block walks it,
    /// and blocks of 6,000 to 24,000 rows scored within noise of each other.
    /// </summary>
    internal const int BlockBytes = 4 << 20;

    [NonSerialized]
    private ForestKernel? _kernel;

    private CompiledForest(
        int width,
        int treeCount,
        int[] feature,
        float[] threshold,
        int[] left,
        int[] right,
        double[] nodeValue,
        int[] roots,
        double[] rootValue,
        double[] leafValue,
        ForestKernel? kernel = null)
    {
        Width = width;
        TreeCount = treeCount;
        Feature = feature;
        Threshold = threshold;
        Left = left;
        Right = right;
        NodeValue = nodeValue;
        Roots = roots;
        RootValue = rootValue;
        LeafValue = leafValue;
        ThrowIfInvalid();
        _kernel = kernel;
    }

    /// <summary>Number of input features a row must have (the forest's <see cref="Forest.Width"/>).</summary>
    [Id(0)] public int Width { get; }

    /// <summary>Number of trees.</summary>
    [Id(1)] public int TreeCount { get; }

    /// <summary>Feature index tested at each internal node.</summary>
    [Id(2)] public int[] Feature { get; }

    /// <summary>Split threshold at each internal node (left when <c>x &lt;= threshold</c>).</summary>
    [Id(3)] public float[] Threshold { get; }

    /// <summary>Child taken when the test holds: an internal node, or the leaf <c>~child</c> when negative.</summary>
    [Id(4)] public int[] Left { get; }

    /// <summary>Child taken when the test fails or the value is NaN; encoded as <see cref="Left"/>.</summary>
    [Id(5)] public int[] Right { get; }

    /// <summary>Attribution value of each internal node: the cover-weighted mean of its leaves' probabilities.</summary>
    [Id(6)] public double[] NodeValue { get; }

    /// <summary>Each tree's root, in tree order: an internal node, or the leaf <c>~root</c> when negative.</summary>
    [Id(7)] public int[] Roots { get; }

    /// <summary>Each tree's root value: its expected probability over the cover rows.</summary>
    [Id(8)] public double[] RootValue { get; }

    /// <summary>Probability of the positive class at each leaf of every tree.</summary>
    [Id(9)] public double[] LeafValue { get; }

    /// <summary>Number of internal nodes over all trees.</summary>
    public int NodeCount => Feature.Length;

    /// <summary>Number of leaves over all trees, always <see cref="NodeCount"/> + <see cref="TreeCount"/>.</summary>
    public int LeafCount => LeafValue.Length;

    /// <summary>
    /// The mean over trees of <see cref="RootValue"/>: the probability a row gets before any split is
    /// taken into account, the starting point of every <see cref="Explanation"/>.
    /// </summary>
    public double BaseValue
    {
        get
        {
            var sum = 0.0;
            foreach (var value in RootValue)
            {
                sum += value;
            }

            return sum / TreeCount;
        }
    }

    /// <summary>
    /// Compiles <paramref name="forest"/> and computes its node values from <paramref name="cover"/>: the
    /// rows whose passage through the trees defines how much each leaf weighs in its ancestors' values,
    /// normally the (already preprocessed) training rows. Only their values are read, not their labels.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="cover"/> does not have <see cref="Forest.Width"/> columns.</exception>
    public static CompiledForest Compile(Forest forest, FeatureMatrix cover)
    {
        ArgumentNullException.ThrowIfNull(forest);
        ArgumentNullException.ThrowIfNull(cover);
        if (cover.Columns != forest.Width)
        {
            throw new ArgumentException(
                $"The cover rows have {cover.Columns} columns, but the forest reads {forest.Width}; pass the preprocessed model-input rows.",
                nameof(cover));
        }

        var trees = forest.Trees;
        var nodes = 0;
        var leaves = 0;
        foreach (var tree in trees)
        {
            nodes += tree.NodeCount;
            leaves += tree.LeafCount;
        }

        var feature = new int[nodes];
        var threshold = new float[nodes];
        var left = new int[nodes];
        var right = new int[nodes];
        var roots = new int[trees.Length];
        var leafValue = new double[leaves];
        var nodeOffset = 0;
        var leafOffset = 0;
        for (var t = 0; t < trees.Length; t++)
        {
            var tree = trees[t];
            tree.SplitFeature.CopyTo(feature, nodeOffset);
            tree.Threshold.CopyTo(threshold, nodeOffset);
            for (var n = 0; n < tree.NodeCount; n++)
            {
                left[nodeOffset + n] = Relocate(tree.Left[n], nodeOffset, leafOffset);
                right[nodeOffset + n] = Relocate(tree.Right[n], nodeOffset, leafOffset);
            }

            tree.LeafProbability.CopyTo(leafValue, leafOffset);
            roots[t] = tree.NodeCount == 0 ? ~leafOffset : nodeOffset;
            nodeOffset += tree.NodeCount;
            leafOffset += tree.LeafCount;
        }

        var kernel = ForestKernel.Create(forest.Width, feature, threshold, left, right, roots, leafValue);
        var leafCover = new long[leaves];
        var rowsPerBlock = RowsPerBlock(forest.Width);
        var reached = new int[Math.Max(1, Math.Min(rowsPerBlock, cover.Rows))];
        for (var start = 0; start < cover.Rows; start += rowsPerBlock)
        {
            var count = Math.Min(rowsPerBlock, cover.Rows - start);
            var block = cover.Values.AsSpan(start * forest.Width, count * forest.Width);
            var blockLeaves = reached.AsSpan(0, count);
            for (var t = 0; t < trees.Length; t++)
            {
                kernel.Leaves(t, block, blockLeaves);
                foreach (var leaf in blockLeaves)
                {
                    leafCover[~leaf]++;
                }
            }
        }

        var (nodeValue, rootValue) = NodeValues(left, right, roots, leafValue, leafCover);
        return new CompiledForest(forest.Width, trees.Length, feature, threshold, left, right, nodeValue, roots, rootValue, leafValue, kernel);
    }

    /// <summary>
    /// The sum of the trees' probabilities for <paramref name="row"/> and the number of trees, exactly as
    /// <see cref="Forest.Votes"/> computes them for the forest this was compiled from.
    /// </summary>
    /// <exception cref="ArgumentException">The row does not have <see cref="Width"/> values.</exception>
    public VoteSum Votes(ReadOnlySpan<float> row)
    {
        CheckRow(row);
        var kernel = Kernel;
        return new VoteSum(kernel.Sum(row), kernel.TreeCount);
    }

    /// <summary>Probability of the positive class: <c>Votes(row).Probability</c>, equal to <see cref="Forest.Probability"/>.</summary>
    /// <exception cref="ArgumentException">The row does not have <see cref="Width"/> values.</exception>
    public double Probability(ReadOnlySpan<float> row) => Votes(row).Probability;

    /// <summary>
    /// <see cref="Probability"/> of every row of <paramref name="rows"/> into <paramref name="output"/>.
    /// Rows are taken in blocks of about <see cref="BlockBytes"/>, and each block is walked through one
    /// tree after the other (sixteen rows at a time, see <see cref="ForestKernel.Leaves"/>), so a tree's
    /// nodes stay in cache while the block passes through them. Each row's sum still adds the trees'
    /// leaf values in tree order from 0, so the results equal <see cref="Probability"/> bit for bit.
    /// Allocates nothing per row (one pooled buffer of leaf indexes per call).
    /// </summary>
    /// <exception cref="ArgumentException">The rows are not <see cref="Width"/> wide, or <paramref name="output"/> has not one slot per row.</exception>
    public void Probabilities(FeatureMatrix rows, Span<double> output) =>
        Probabilities(rows, output, RowsPerBlock(Width));

    /// <summary><see cref="Probabilities(FeatureMatrix, Span{double})"/> with a chosen block size, for tests and measurements.</summary>
    internal void Probabilities(FeatureMatrix rows, Span<double> output, int rowsPerBlock)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(rowsPerBlock, 1);
        if (rows.Columns != Width)
        {
            throw new ArgumentException($"The forest reads rows of {Width} features, not {rows.Columns}.", nameof(rows));
        }

        if (output.Length != rows.Rows)
        {
            throw new ArgumentException($"{rows.Rows} rows need {rows.Rows} output slots, not {output.Length}.", nameof(output));
        }

        // A deserialised matrix has not been through FeatureMatrix's constructor; the kernel relies on this.
        var values = rows.Values.AsSpan();
        if (values.Length != (long)rows.Rows * Width)
        {
            throw new ArgumentException($"{rows.Rows} rows of {Width} features need {(long)rows.Rows * Width} values, not {values.Length}.", nameof(rows));
        }

        var kernel = Kernel;
        output.Clear();
        var buffer = ArrayPool<int>.Shared.Rent(Math.Max(1, Math.Min(rowsPerBlock, rows.Rows)));
        try
        {
            for (var start = 0; start < rows.Rows; start += rowsPerBlock)
            {
                var count = Math.Min(rowsPerBlock, rows.Rows - start);
                var block = values.Slice(start * Width, count * Width);
                var leaves = buffer.AsSpan(0, count);
                var sums = output.Slice(start, count);
                for (var t = 0; t < kernel.TreeCount; t++)
                {
                    kernel.Leaves(t, block, leaves);
                    for (var i = 0; i < sums.Length; i++)
                    {
                        sums[i] += kernel.LeafValue(leaves[i]);
                    }
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(buffer);
        }

        for (var i = 0; i < output.Length; i++)
        {
            output[i] = new VoteSum(output[i], kernel.TreeCount).Probability;
        }
    }

    /// <summary>
    /// Each tree's probability for <paramref name="row"/>, in tree order: their spread shows how much the
    /// trees disagree about this row (see <see cref="Forest.TreeProbabilities"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The row does not have <see cref="Width"/> values.</exception>
    public double[] TreeProbabilities(ReadOnlySpan<float> row)
    {
        CheckRow(row);
        var kernel = Kernel;
        var result = new double[kernel.TreeCount];
        for (var t = 0; t < result.Length; t++)
        {
            result[t] = kernel.LeafValue(kernel.Leaf(t, row));
        }

        return result;
    }

    /// <summary>
    /// Tree-path (Saabas) attribution of <paramref name="row"/>'s probability. In each tree the row walks
    /// from the root to its leaf; at every internal node on the way, the node's split feature is credited
    /// with <c>value(child taken) − value(node)</c> (a leaf's value is its probability). Along one path the
    /// credits telescope to <c>leaf − root value</c>, so averaging over trees gives
    /// <c>BaseValue + Σ Contributions = Probability</c>, up to floating-point rounding (far below 1e-12).
    /// </summary>
    /// <remarks>
    /// Saabas values are cheap (one walk per tree) and add up exactly, but unlike SHAP values they are not
    /// consistent: they depend on the order in which a path tests its features, and a model that leans
    /// more on a feature can credit it less. Read them as "what moved this row's score along its paths",
    /// not as a causal effect. A feature no path splits on gets exactly 0.
    /// </remarks>
    /// <exception cref="ArgumentException">The row does not have <see cref="Width"/> values.</exception>
    public Explanation Explain(ReadOnlySpan<float> row)
    {
        CheckRow(row);
        _ = Kernel; // checks the structure once, so a malformed deserialised forest fails here instead of looping
        var contributions = new double[Width];
        var sum = 0.0;
        foreach (var root in Roots)
        {
            var node = root;
            while (node >= 0)
            {
                var split = Feature[node];
                var child = row[split] <= Threshold[node] ? Left[node] : Right[node];
                var childValue = child >= 0 ? NodeValue[child] : LeafValue[~child];
                contributions[split] += childValue - NodeValue[node];
                node = child;
            }

            sum += LeafValue[~node];
        }

        for (var f = 0; f < contributions.Length; f++)
        {
            contributions[f] /= TreeCount;
        }

        // The same sum over the same leaves in the same order as Votes, so Probability is Votes' to the bit.
        return new Explanation(BaseValue, contributions, new VoteSum(sum, TreeCount).Probability);
    }

    /// <summary>
    /// Repeats the constructor's checks, for a compiled forest that arrived by deserialisation: array
    /// lengths, feature and child indexes in range, every node and leaf reached exactly once from the
    /// roots (no cycles, no shared subtrees), probabilities and values in [0, 1], root values matching.
    /// </summary>
    /// <exception cref="ArgumentException">The compiled forest is malformed.</exception>
    public void ThrowIfInvalid()
    {
        if (Feature is null || Threshold is null || Left is null || Right is null || NodeValue is null
            || Roots is null || RootValue is null || LeafValue is null)
        {
            throw new ArgumentException("A compiled forest is missing one of its arrays.");
        }

        if (TreeCount != Roots.Length || RootValue.Length != Roots.Length)
        {
            throw new ArgumentException($"A compiled forest of {TreeCount} trees needs one root and root value per tree, not {Roots.Length} and {RootValue.Length}.");
        }

        if (NodeValue.Length != Feature.Length)
        {
            throw new ArgumentException($"A compiled forest needs one value per internal node ({Feature.Length}), not {NodeValue.Length}.");
        }

        CompiledStructure.Check(Width, Feature, Threshold, Left, Right, Roots, LeafValue.Length);
        for (var n = 0; n < NodeValue.Length; n++)
        {
            if (!(NodeValue[n] >= 0 && NodeValue[n] <= 1))
            {
                throw new ArgumentException($"Node {n} has value {NodeValue[n]}, outside [0, 1].");
            }
        }

        for (var l = 0; l < LeafValue.Length; l++)
        {
            if (!(LeafValue[l] >= 0 && LeafValue[l] <= 1))
            {
                throw new ArgumentException($"Leaf {l} has probability {LeafValue[l]}, outside [0, 1].");
            }
        }

        for (var t = 0; t < Roots.Length; t++)
        {
            var expected = Roots[t] >= 0 ? NodeValue[Roots[t]] : LeafValue[~Roots[t]];
            if (!RootValue[t].Equals(expected))
            {
                throw new ArgumentException($"Tree {t}'s root value is {RootValue[t]}, but its root's value is {expected}.");
            }
        }
    }

    /// <summary>The scoring kernel, built and checked on first use (after deserialisation, too).</summary>
    private ForestKernel Kernel
    {
        get
        {
            var kernel = Volatile.Read(ref _kernel);
            if (kernel is null)
            {
                kernel = ForestKernel.Create(Width, Feature, Threshold, Left, Right, Roots, LeafValue);
                kernel = Interlocked.CompareExchange(ref _kernel, kernel, null) ?? kernel;
            }

            return kernel;
        }
    }

    private static int RowsPerBlock(int width) => Math.Max(8, BlockBytes / (sizeof(float) * width));

    private static int Relocate(int child, int nodeOffset, int leafOffset) =>
        child >= 0 ? nodeOffset + child : ~(leafOffset + ~child);

    /// <summary>
    /// Node values bottom-up. For each node the cover count and the cover-weighted sum of leaf values
    /// below it are added up from its children, and its value is sum / count: the cover-weighted mean
    /// of its leaves, computed directly rather than as a mean of means. A node with no cover takes the
    /// unweighted mean of its children's values. Parents are visited after children by walking a
    /// breadth-first order backwards (no recursion, so a deep tree cannot overflow the stack).
    /// </summary>
    private static (double[] NodeValue, double[] RootValue) NodeValues(int[] left, int[] right, int[] roots, double[] leafValue, long[] leafCover)
    {
        var nodes = left.Length;
        var value = new double[nodes];
        var count = new long[nodes];
        var weighted = new double[nodes];
        var order = new int[nodes];
        var filled = 0;
        foreach (var root in roots)
        {
            if (root >= 0)
            {
                order[filled++] = root;
            }
        }

        for (var next = 0; next < filled; next++)
        {
            var node = order[next];
            if (left[node] >= 0)
            {
                order[filled++] = left[node];
            }

            if (right[node] >= 0)
            {
                order[filled++] = right[node];
            }
        }

        for (var i = nodes - 1; i >= 0; i--)
        {
            var node = order[i];
            var (leftCount, leftWeighted, leftValue) = Child(left[node]);
            var (rightCount, rightWeighted, rightValue) = Child(right[node]);
            count[node] = leftCount + rightCount;
            weighted[node] = leftWeighted + rightWeighted;
            value[node] = count[node] > 0 ? weighted[node] / count[node] : (leftValue + rightValue) / 2;
        }

        var rootValue = new double[roots.Length];
        for (var t = 0; t < roots.Length; t++)
        {
            rootValue[t] = roots[t] >= 0 ? value[roots[t]] : leafValue[~roots[t]];
        }

        return (value, rootValue);

        (long Count, double Weighted, double Value) Child(int child) => child >= 0
            ? (count[child], weighted[child], value[child])
            : (leafCover[~child], leafCover[~child] * leafValue[~child], leafValue[~child]);
    }

    private void CheckRow(ReadOnlySpan<float> row)
    {
        if (row.Length != Width)
        {
            throw new ArgumentException($"The forest reads rows of {Width} features, not {row.Length}.", nameof(row));
        }
    }

}
