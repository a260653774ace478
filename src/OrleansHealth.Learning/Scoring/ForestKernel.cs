using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace OrleansHealth.Learning.Scoring;

/// <summary>
/// The scoring form of a <see cref="CompiledForest"/>: each internal node packed into one 16-byte
/// <see cref="Node"/> (feature, threshold, left, right: one cache line holds four nodes and a step reads
/// one of them), walked without bounds checks. That is only sound because the kernel owns its node array:
/// <see cref="Create"/> copies the structure first and then checks the copy (every feature below the
/// width, every child and leaf index in range, every node reached exactly once from one root, so every
/// walk ends at a leaf), and nobody else can change it afterwards. Callers check that a row is
/// <see cref="Width"/> wide.
/// </summary>
/// <remarks>
/// Measured on 24,000 rows of 30 features, single-threaded (thread CPU time, on a shared 2-core AMD EPYC
/// VM), for 100 FastForest trees of 200 leaves and 100 fully grown trees of ≈ 12,000 leaves: a
/// bounds-checked walk over the separate arrays, row by row or tree-major in blocks of 64 rows, scored
/// ≈ 150,000–175,000 and ≈ 11,000–14,000 rows/s. Packing the nodes and dropping bounds checks alone gained
/// little, since a walk is bound by mispredicted branches (a split sends about half the rows each way).
/// What pays is <see cref="Leaves"/>: eight rows walk one tree in lockstep with a branch-free step, so
/// eight chains of dependent loads overlap instead of each waiting on a misprediction (≈ 4× on both
/// forests), and a large block of rows walking tree by tree keeps each tree in cache (see
/// <see cref="CompiledForest.BlockBytes"/>): ≈ 620,000 and ≈ 220,000 rows/s in all.
/// </remarks>
internal sealed class ForestKernel
{
    private readonly Node[] _nodes;
    private readonly int[] _roots;
    private readonly double[] _leafValue;

    private ForestKernel(Node[] nodes, int[] roots, double[] leafValue, int width)
    {
        _nodes = nodes;
        _roots = roots;
        _leafValue = leafValue;
        Width = width;
    }

    /// <summary>Features per row; every node's feature is below it.</summary>
    public int Width { get; }

    /// <summary>Number of trees.</summary>
    public int TreeCount => _roots.Length;

    /// <summary>Leaf probabilities, indexed by <c>~leaf</c> for the encoded leaves the walks return.</summary>
    public double LeafValue(int encodedLeaf) => _leafValue[~encodedLeaf];

    /// <summary>
    /// A kernel over copies of the given structure, checked after copying so that later changes to the
    /// arrays passed in cannot reach it. <paramref name="leafValue"/> is kept by reference (its length
    /// cannot change; its values are data, not indexes).
    /// </summary>
    /// <exception cref="ArgumentException">The structure is malformed (see <see cref="CompiledForest.ThrowIfInvalid"/>).</exception>
    public static ForestKernel Create(int width, int[] feature, float[] threshold, int[] left, int[] right, int[] roots, double[] leafValue)
    {
        ArgumentNullException.ThrowIfNull(feature);
        ArgumentNullException.ThrowIfNull(threshold);
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        ArgumentNullException.ThrowIfNull(roots);
        ArgumentNullException.ThrowIfNull(leafValue);
        var nodes = feature.Length;
        if (threshold.Length != nodes || left.Length != nodes || right.Length != nodes)
        {
            throw new ArgumentException(
                $"A compiled forest needs one feature, threshold, left and right child per internal node; got {nodes}, {threshold.Length}, {left.Length} and {right.Length}.");
        }

        var featureCopy = (int[])feature.Clone();
        var thresholdCopy = (float[])threshold.Clone();
        var leftCopy = (int[])left.Clone();
        var rightCopy = (int[])right.Clone();
        var rootsCopy = (int[])roots.Clone();
        CompiledStructure.Check(width, featureCopy, thresholdCopy, leftCopy, rightCopy, rootsCopy, leafValue.Length);

        var packed = new Node[nodes];
        for (var n = 0; n < nodes; n++)
        {
            packed[n] = new Node(featureCopy[n], thresholdCopy[n], leftCopy[n], rightCopy[n]);
        }

        return new ForestKernel(packed, rootsCopy, leafValue, width);
    }

    /// <summary>The sum over trees, in tree order from 0, of the leaf values <paramref name="row"/> reaches.</summary>
    public double Sum(ReadOnlySpan<float> row)
    {
        CheckRows(row, 1);
        ref var nodes = ref MemoryMarshal.GetArrayDataReference(_nodes);
        ref var values = ref MemoryMarshal.GetReference(row);
        var sum = 0.0;
        foreach (var root in _roots)
        {
            var node = root;
            while (node >= 0)
            {
                ref var n = ref Unsafe.Add(ref nodes, node);
                node = Unsafe.Add(ref values, n.Feature) <= n.Threshold ? n.Left : n.Right;
            }

            sum += _leafValue[~node];
        }

        return sum;
    }

    /// <summary>The encoded leaf (<c>&lt; 0</c>) that <paramref name="row"/> reaches in tree <paramref name="tree"/>.</summary>
    public int Leaf(int tree, ReadOnlySpan<float> row)
    {
        CheckRows(row, 1);
        var root = _roots[tree];
        ref var nodes = ref MemoryMarshal.GetArrayDataReference(_nodes);
        ref var values = ref MemoryMarshal.GetReference(row);
        var node = root;
        while (node >= 0)
        {
            ref var n = ref Unsafe.Add(ref nodes, node);
            node = Unsafe.Add(ref values, n.Feature) <= n.Threshold ? n.Left : n.Right;
        }

        return node;
    }

    /// <summary>
    /// The encoded leaf each of the <paramref name="leaves"/>.Length rows in <paramref name="rows"/>
    /// (row-major, <see cref="Width"/> each) reaches in tree <paramref name="tree"/>. Eight rows at a time walk
    /// the tree in lockstep with a branch-free step (a row already at its leaf stays there) until all
    /// eight have arrived; the remaining rows walk one by one.
    /// </summary>
    public void Leaves(int tree, ReadOnlySpan<float> rows, Span<int> leaves)
    {
        CheckRows(rows, leaves.Length);
        var root = _roots[tree];
        if (root < 0)
        {
            leaves.Fill(root);
            return;
        }

        ref var nodes = ref MemoryMarshal.GetArrayDataReference(_nodes);
        ref var values = ref MemoryMarshal.GetReference(rows);
        var width = Width;
        var i = 0;
        for (; i + 8 <= leaves.Length; i += 8)
        {
            ref var r0 = ref Unsafe.Add(ref values, i * width);
            ref var r1 = ref Unsafe.Add(ref r0, width);
            ref var r2 = ref Unsafe.Add(ref r1, width);
            ref var r3 = ref Unsafe.Add(ref r2, width);
            ref var r4 = ref Unsafe.Add(ref r3, width);
            ref var r5 = ref Unsafe.Add(ref r4, width);
            ref var r6 = ref Unsafe.Add(ref r5, width);
            ref var r7 = ref Unsafe.Add(ref r6, width);
            int a0 = root, a1 = root, a2 = root, a3 = root, a4 = root, a5 = root, a6 = root, a7 = root;
            do
            {
                a0 = Step(ref nodes, ref r0, a0);
                a1 = Step(ref nodes, ref r1, a1);
                a2 = Step(ref nodes, ref r2, a2);
                a3 = Step(ref nodes, ref r3, a3);
                a4 = Step(ref nodes, ref r4, a4);
                a5 = Step(ref nodes, ref r5, a5);
                a6 = Step(ref nodes, ref r6, a6);
                a7 = Step(ref nodes, ref r7, a7);
            }
            while ((a0 & a1 & a2 & a3 & a4 & a5 & a6 & a7) >= 0); // until every one is negative, i.e. a leaf

            leaves[i] = a0;
            leaves[i + 1] = a1;
            leaves[i + 2] = a2;
            leaves[i + 3] = a3;
            leaves[i + 4] = a4;
            leaves[i + 5] = a5;
            leaves[i + 6] = a6;
            leaves[i + 7] = a7;
        }

        for (; i < leaves.Length; i++)
        {
            ref var row = ref Unsafe.Add(ref values, i * width);
            var node = root;
            while (node >= 0)
            {
                ref var n = ref Unsafe.Add(ref nodes, node);
                node = Unsafe.Add(ref row, n.Feature) <= n.Threshold ? n.Left : n.Right;
            }

            leaves[i] = node;
        }
    }

    /// <summary>
    /// One branch-free step: from internal node <paramref name="at"/> to the child the row's value selects
    /// (left when <c>x &lt;= threshold</c>, so NaN goes right), or stay at <paramref name="at"/> if it is
    /// already a leaf (node 0 stands in for the lookup then, and its result is discarded). Left and right
    /// are adjacent in <see cref="Node"/>, so the comparison picks the child by offset, not by a jump.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Step(ref Node nodes, ref float row, int at)
    {
        var leaf = at >> 31; // all ones at a leaf, zero at an internal node
        ref var n = ref Unsafe.Add(ref nodes, at & ~leaf);
        var next = Unsafe.Add(ref n.Left, Unsafe.Add(ref row, n.Feature) <= n.Threshold ? 0 : 1);
        return (next & ~leaf) | (at & leaf);
    }

    private void CheckRows(ReadOnlySpan<float> rows, int count)
    {
        if (rows.Length != (long)count * Width)
        {
            throw new ArgumentException($"{count} rows of {Width} features are {(long)count * Width} values, not {rows.Length}.", nameof(rows));
        }
    }

    /// <summary>One internal node; <see cref="Left"/> and <see cref="Right"/> must stay adjacent (see <see cref="Step"/>).</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Node(int feature, float threshold, int left, int right)
    {
        public int Feature = feature;
        public float Threshold = threshold;
        public int Left = left;
        public int Right = right;
    }
}
