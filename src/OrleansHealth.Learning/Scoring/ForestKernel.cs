using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace OrleansHealth.Learning.Scoring;

/// <summary>
/// The scoring form of a <see cref="CompiledForest"/>, walked without bounds checks. Each tree owns one
/// contiguous region of 16-byte <see cref="Entry"/> values around a base: its internal nodes in preorder at
/// byte offsets 0, 16, 32, … (the root at 0, so a left child that is internal is usually the next entry),
/// and one entry per leaf at offsets −16, −32, …. A child is the byte offset of its entry. A leaf entry
/// loops to itself: threshold NaN (no value passes, so every step takes <see cref="Entry.Right"/>),
/// <see cref="Entry.Right"/> its own offset, feature 0; <see cref="Entry.Left"/> holds the encoded leaf.
/// So a walk never has to test whether it arrived: a step from a leaf stays on it, and a negative offset
/// means "at a leaf".
/// </summary>
/// <remarks>
/// <para>
/// Walking without bounds checks is only sound because the kernel owns its entries: <see cref="Create"/>
/// copies the structure, checks the copy (<see cref="CompiledStructure.Check"/>: features below the width,
/// children and leaves in range, every node reached exactly once from one root, so every walk ends at a
/// leaf), builds the layout from it and then checks the layout itself (<see cref="CheckLayout"/>: every
/// offset is an entry of the same tree, every internal feature below the width, every leaf entry a NaN
/// self-loop on feature 0 holding a leaf in range). Nobody can change the entries afterwards. A walk's
/// state lives on the kernel's own stack, never in memory a caller can reach; row values are only
/// compared, never used as indexes; callers check that a row is <see cref="Width"/> wide.
/// </para>
/// <para>
/// Measured on 24,000 rows of 30 features, single-threaded (thread CPU time, on a shared 2-core AMD EPYC
/// VM whose other tenants move figures by ±10 % between runs, so before and after were compared in the
/// same process, in alternation): the first kernel, a bounds-checked walk, row by row or tree-major in
/// blocks, scored ≈ 150,000–175,000 rows/s on 100 FastForest trees of 200 leaves and ≈ 11,000–14,000 on
/// 100 fully grown trees of ≈ 12,000 leaves. Walking eight rows in lockstep with a branch-free step
/// (eight chains of dependent loads overlap instead of each waiting on a misprediction) in large blocks
/// that keep a tree in cache brought that to ≈ 620,000 and ≈ 220,000. On the classic learner's 100 fully
/// grown trees of ≈ 7,000 leaves (leaf depths 2–42, 17.5 nodes on a row's path on average) that kernel
/// scored ≈ 270,000 rows/s and this one ≈ 430,000 (1.5–1.6×; <see cref="CompiledForest.Probabilities(OrleansHealth.Learning.Data.FeatureMatrix, Span{double})"/>
/// ≈ 410,000–440,000); on 100 FastForest trees of 200 leaves ≈ 650,000 → 880,000, on trees capped at
/// depth 10 ≈ 740,000 → 930,000. Single rows (<see cref="Sum"/>) score as before. What paid:
/// </para>
/// <list type="number">
/// <item>Reading a tree's entries front to back before a batch walks it (<see cref="Warm"/>): ≈ 1.2× on
/// the fully grown trees. Otherwise the walk discovers a cold tree one dependent miss at a time, while a
/// sequential read streams its ≈ 3,500 cache lines in at a small fraction of the walk's time. With warm
/// trees the block size (<see cref="CompiledForest.BlockBytes"/>) hardly matters any more.</item>
/// <item>Phases instead of lockstep-until-all-arrive: 16 rows walk a fixed number of steps (about the
/// depth by which a fifth of the tree's leaves are reached, then <see cref="LaterSteps"/>), and only the
/// rows not yet at a leaf go on, regrouped in sixteens: ≈ 1.15×. Lockstep made every row take as many
/// steps as the deepest of its group (24.7 steps a row in groups of 8, 26.6 in groups of 16, for 17.5
/// needed); phases take ≈ 19. Rows are walked in chunks of ≤ 2,048 (<see cref="ChunkBytes"/>) so that
/// the rows a phase revisits are still in cache.</item>
/// <item>Sixteen lanes instead of eight (more loads in flight): ≈ 1.1×. Byte offsets with self-looping
/// leaf entries instead of masking leaves out make a step about 9 instructions instead of 15; that shows
/// where the tree fits in cache (≈ 1.35× with 16 lanes on trees of depth 8), hardly on the large trees.</item>
/// </list>
/// <para>
/// Tried and dropped: refilling a lane as soon as its row reaches a leaf (a branch per arrival, or a
/// branch-free refill at every step, cost more than the idle steps it saved; lane state kept in memory
/// made the CPU serialise the lanes through store-to-load forwarding); 8-byte entries (children as a
/// pair, features in a side array: more work per step, slower despite half the footprint); 64-byte
/// blocks of a node with both children; breadth-first top levels; sorting rows by subtree between
/// phases; copying rows into padded tiles so that all lanes share one base register; loading the right
/// child early as a prefetch; masked steps without leaf entries; more than 16 lanes (the JIT spills them);
/// AVX2 gathers (0.35×, and they need pointers).
/// </para>
/// <para>
/// The layout holds internal nodes and leaves, so it takes about twice the memory of the persisted arrays'
/// nodes (≈ 22 MB for 100 trees of ≈ 7,000 leaves).
/// </para>
/// </remarks>
internal sealed partial class ForestKernel
{
    /// <summary>Rows walked together; the lanes of <see cref="Walk"/>.</summary>
    private const int Lanes = 16;

    /// <summary>Steps of every phase after the first.</summary>
    private const int LaterSteps = 4;

    /// <summary>At most this many bytes of row values walked through all their phases before the next ones start.</summary>
    private const int ChunkBytes = 256 << 10;

    /// <summary>At most this many rows per chunk (the walk state, two ints a row, is on the stack).</summary>
    private const int MaxChunkRows = 2048;

    /// <summary>Which share of a tree's leaves should be reached by the end of the first phase.</summary>
    private const double FirstPhaseLeafShare = 0.2;

    private const int EntryBytes = 16;

    /// <summary>
    /// A batch reads its tree into cache first when it has at least one row per this many entries: at 32
    /// rows the read cost more than it saved on a tree of ≈ 14,000 entries, at 128 rows it doubled the speed.
    /// </summary>
    private const int EntriesPerRowToWarm = 128;

    private readonly Entry[] _entries;
    private readonly Tree[] _trees;
    private readonly double[] _leafValue;

    private ForestKernel(Entry[] entries, Tree[] trees, double[] leafValue, int width)
    {
        _entries = entries;
        _trees = trees;
        _leafValue = leafValue;
        Width = width;
    }

    /// <summary>Features per row; every internal node's feature is below it.</summary>
    public int Width { get; }

    /// <summary>Number of trees.</summary>
    public int TreeCount => _trees.Length;

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

        var (entries, trees) = Lay(featureCopy, thresholdCopy, leftCopy, rightCopy, rootsCopy);
        CheckLayout(entries, trees, width, leafValue.Length);
        return new ForestKernel(entries, trees, leafValue, width);
    }

    /// <summary>The sum over trees, in tree order from 0, of the leaf values <paramref name="row"/> reaches.</summary>
    public double Sum(ReadOnlySpan<float> row)
    {
        CheckRows(row, 1);
        var sum = 0.0;
        for (var t = 0; t < _trees.Length; t++)
        {
            sum += _leafValue[~WalkOne(t, ref MemoryMarshal.GetReference(row))];
        }

        return sum;
    }

    /// <summary>The encoded leaf (<c>&lt; 0</c>) that <paramref name="row"/> reaches in tree <paramref name="tree"/>.</summary>
    public int Leaf(int tree, ReadOnlySpan<float> row)
    {
        CheckRows(row, 1);
        return WalkOne(tree, ref MemoryMarshal.GetReference(row));
    }

    /// <summary>
    /// The encoded leaf each of the <paramref name="leaves"/>.Length rows in <paramref name="rows"/>
    /// (row-major, <see cref="Width"/> each) reaches in tree <paramref name="tree"/>: the tree is read into
    /// cache first (for more than a few rows), then the rows walk it in chunks, in phases of 16 rows at a
    /// time (see the remarks on the class).
    /// </summary>
    public void Leaves(int tree, ReadOnlySpan<float> rows, Span<int> leaves)
    {
        CheckRows(rows, leaves.Length);
        var t = _trees[tree];
        ref var origin = ref _entries[t.Origin];
        if (t.Root < 0)
        {
            leaves.Fill(Unsafe.AddByteOffset(ref origin, t.Root).Left);
            return;
        }

        if ((long)leaves.Length * EntriesPerRowToWarm >= t.End - t.Start)
        {
            Warm(_entries, t.Start, t.End);
        }

        var chunkRows = Math.Clamp(ChunkBytes / (sizeof(float) * Width), Lanes, MaxChunkRows);
        Span<int> pending = stackalloc int[Math.Min(chunkRows, leaves.Length)];
        Span<int> at = stackalloc int[pending.Length];
        for (var start = 0; start < leaves.Length; start += chunkRows)
        {
            var count = Math.Min(chunkRows, leaves.Length - start);
            WalkChunk(ref origin, t.FirstSteps, rows.Slice(start * Width, count * Width), pending[..count], at[..count]);
            var chunk = leaves.Slice(start, count);
            for (var i = 0; i < chunk.Length; i++)
            {
                chunk[i] = Unsafe.AddByteOffset(ref origin, (nint)at[i]).Left;
            }
        }
    }

    /// <summary>
    /// Walks every row of <paramref name="rows"/> from the root to its leaf, leaving the leaf entry's offset
    /// in <paramref name="at"/> (one slot per row). <paramref name="pending"/> lists the rows still walking;
    /// each phase walks them in groups of <see cref="Lanes"/> and keeps, in order, those not yet at a leaf. A
    /// last group too small to fill the lanes waits for the next phase, and the fewer than
    /// <see cref="Lanes"/> rows left at the end walk together, lanes padded, until all arrive.
    /// </summary>
    private void WalkChunk(ref Entry origin, int firstSteps, ReadOnlySpan<float> rows, Span<int> pending, Span<int> at)
    {
        ref var values = ref MemoryMarshal.GetReference(rows);
        ref var list = ref MemoryMarshal.GetReference(pending);
        ref var state = ref MemoryMarshal.GetReference(at);
        nint width = Width;
        for (var i = 0; i < pending.Length; i++)
        {
            pending[i] = i;
            at[i] = 0;
        }

        var active = pending.Length;
        var steps = firstSteps;
        while (active >= Lanes)
        {
            var kept = 0;
            var i = 0;
            for (; i + Lanes <= active; i += Lanes)
            {
                Walk(ref origin, ref values, width, ref Unsafe.Add(ref list, i), ref state, steps);
                for (var k = i; k < i + Lanes; k++)
                {
                    var row = Unsafe.Add(ref list, k);
                    Unsafe.Add(ref list, kept) = row;
                    kept += (int)((uint)~Unsafe.Add(ref state, row) >> 31); // 1 unless at a leaf (negative)
                }
            }

            for (; i < active; i++)
            {
                Unsafe.Add(ref list, kept++) = Unsafe.Add(ref list, i);
            }

            active = kept;
            steps = LaterSteps;
        }

        if (active > 0)
        {
            // Fill the lanes with copies of the last row (they walk it identically) and go on until all arrive.
            Span<int> last = stackalloc int[Lanes];
            pending[..active].CopyTo(last);
            last[active..].Fill(pending[active - 1]);
            ref var lanes = ref MemoryMarshal.GetReference(last);
            do
            {
                Walk(ref origin, ref values, width, ref lanes, ref state, steps);
                steps = LaterSteps;
            }
            while (!AllArrived(last, at));
        }
    }

    private static bool AllArrived(ReadOnlySpan<int> rows, ReadOnlySpan<int> at)
    {
        foreach (var row in rows)
        {
            if (at[row] >= 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// <paramref name="steps"/> steps for each of the <see cref="Lanes"/> rows listed from
    /// <paramref name="list"/> on, from and back to their slots in <paramref name="state"/>. The lanes are
    /// independent chains of loads, so the CPU overlaps them; a lane at a leaf just stays there. Not inlined:
    /// on its own the method has the registers for the lanes.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Walk(ref Entry origin, ref float values, nint width, ref int list, ref int state, int steps)
    {
        var w0 = Unsafe.Add(ref list, 0);
        var w1 = Unsafe.Add(ref list, 1);
        var w2 = Unsafe.Add(ref list, 2);
        var w3 = Unsafe.Add(ref list, 3);
        var w4 = Unsafe.Add(ref list, 4);
        var w5 = Unsafe.Add(ref list, 5);
        var w6 = Unsafe.Add(ref list, 6);
        var w7 = Unsafe.Add(ref list, 7);
        var w8 = Unsafe.Add(ref list, 8);
        var w9 = Unsafe.Add(ref list, 9);
        var w10 = Unsafe.Add(ref list, 10);
        var w11 = Unsafe.Add(ref list, 11);
        var w12 = Unsafe.Add(ref list, 12);
        var w13 = Unsafe.Add(ref list, 13);
        var w14 = Unsafe.Add(ref list, 14);
        var w15 = Unsafe.Add(ref list, 15);
        ref var r0 = ref Unsafe.Add(ref values, w0 * width);
        ref var r1 = ref Unsafe.Add(ref values, w1 * width);
        ref var r2 = ref Unsafe.Add(ref values, w2 * width);
        ref var r3 = ref Unsafe.Add(ref values, w3 * width);
        ref var r4 = ref Unsafe.Add(ref values, w4 * width);
        ref var r5 = ref Unsafe.Add(ref values, w5 * width);
        ref var r6 = ref Unsafe.Add(ref values, w6 * width);
        ref var r7 = ref Unsafe.Add(ref values, w7 * width);
        ref var r8 = ref Unsafe.Add(ref values, w8 * width);
        ref var r9 = ref Unsafe.Add(ref values, w9 * width);
        ref var r10 = ref Unsafe.Add(ref values, w10 * width);
        ref var r11 = ref Unsafe.Add(ref values, w11 * width);
        ref var r12 = ref Unsafe.Add(ref values, w12 * width);
        ref var r13 = ref Unsafe.Add(ref values, w13 * width);
        ref var r14 = ref Unsafe.Add(ref values, w14 * width);
        ref var r15 = ref Unsafe.Add(ref values, w15 * width);
        nint a0 = Unsafe.Add(ref state, w0);
        nint a1 = Unsafe.Add(ref state, w1);
        nint a2 = Unsafe.Add(ref state, w2);
        nint a3 = Unsafe.Add(ref state, w3);
        nint a4 = Unsafe.Add(ref state, w4);
        nint a5 = Unsafe.Add(ref state, w5);
        nint a6 = Unsafe.Add(ref state, w6);
        nint a7 = Unsafe.Add(ref state, w7);
        nint a8 = Unsafe.Add(ref state, w8);
        nint a9 = Unsafe.Add(ref state, w9);
        nint a10 = Unsafe.Add(ref state, w10);
        nint a11 = Unsafe.Add(ref state, w11);
        nint a12 = Unsafe.Add(ref state, w12);
        nint a13 = Unsafe.Add(ref state, w13);
        nint a14 = Unsafe.Add(ref state, w14);
        nint a15 = Unsafe.Add(ref state, w15);
        for (var s = 0; s < steps; s++)
        {
            a0 = Step(ref origin, ref r0, a0);
            a1 = Step(ref origin, ref r1, a1);
            a2 = Step(ref origin, ref r2, a2);
            a3 = Step(ref origin, ref r3, a3);
            a4 = Step(ref origin, ref r4, a4);
            a5 = Step(ref origin, ref r5, a5);
            a6 = Step(ref origin, ref r6, a6);
            a7 = Step(ref origin, ref r7, a7);
            a8 = Step(ref origin, ref r8, a8);
            a9 = Step(ref origin, ref r9, a9);
            a10 = Step(ref origin, ref r10, a10);
            a11 = Step(ref origin, ref r11, a11);
            a12 = Step(ref origin, ref r12, a12);
            a13 = Step(ref origin, ref r13, a13);
            a14 = Step(ref origin, ref r14, a14);
            a15 = Step(ref origin, ref r15, a15);
        }

        Unsafe.Add(ref state, w0) = (int)a0;
        Unsafe.Add(ref state, w1) = (int)a1;
        Unsafe.Add(ref state, w2) = (int)a2;
        Unsafe.Add(ref state, w3) = (int)a3;
        Unsafe.Add(ref state, w4) = (int)a4;
        Unsafe.Add(ref state, w5) = (int)a5;
        Unsafe.Add(ref state, w6) = (int)a6;
        Unsafe.Add(ref state, w7) = (int)a7;
        Unsafe.Add(ref state, w8) = (int)a8;
        Unsafe.Add(ref state, w9) = (int)a9;
        Unsafe.Add(ref state, w10) = (int)a10;
        Unsafe.Add(ref state, w11) = (int)a11;
        Unsafe.Add(ref state, w12) = (int)a12;
        Unsafe.Add(ref state, w13) = (int)a13;
        Unsafe.Add(ref state, w14) = (int)a14;
        Unsafe.Add(ref state, w15) = (int)a15;
    }

    /// <summary>
    /// One branch-free step from the entry at byte offset <paramref name="at"/> to the child the row's value
    /// selects (left when <c>x &lt;= threshold</c>, so NaN goes right); from a leaf entry, back to itself.
    /// Left and right are adjacent in <see cref="Entry"/>, so the comparison picks the child by offset, not
    /// by a jump.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static nint Step(ref Entry origin, ref float row, nint at)
    {
        ref var n = ref Unsafe.AddByteOffset(ref origin, at);
        return Unsafe.Add(ref n.Left, Unsafe.Add(ref row, n.Feature) <= n.Threshold ? 0 : 1);
    }

    /// <summary>
    /// The encoded leaf one row reaches in one tree. Unlike <see cref="Step"/> this takes a branch at every
    /// node: a single row has no other lanes to overlap with, and a predicted branch lets the CPU start
    /// loading the next node before the comparison is known (measured: ≈ 25 % faster on fully grown trees
    /// than the branch-free step).
    /// </summary>
    private int WalkOne(int tree, ref float row)
    {
        var t = _trees[tree];
        ref var origin = ref _entries[t.Origin];
        nint node = t.Root;
        while (node >= 0)
        {
            ref var n = ref Unsafe.AddByteOffset(ref origin, node);
            node = Unsafe.Add(ref row, n.Feature) <= n.Threshold ? n.Left : n.Right;
        }

        return Unsafe.AddByteOffset(ref origin, node).Left;
    }

    /// <summary>
    /// Reads one value per cache line of the entries <c>[start, end)</c>, front to back, so that the
    /// hardware streams them in before the walk needs them. Not inlined, so the reads are not optimised away.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Warm(Entry[] entries, int start, int end)
    {
        var sum = 0;
        for (var i = start; i < end; i += 64 / EntryBytes)
        {
            sum += entries[i].Right;
        }

        return sum;
    }

    private void CheckRows(ReadOnlySpan<float> rows, int count)
    {
        if (rows.Length != (long)count * Width)
        {
            throw new ArgumentException($"{count} rows of {Width} features are {(long)count * Width} values, not {rows.Length}.", nameof(rows));
        }
    }
}
