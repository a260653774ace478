using System.Runtime.InteropServices;

namespace OrleansHealth.Learning.Scoring;

/// <summary>
/// How <see cref="ForestKernel"/> lays the checked structure out in memory, and the check of that layout
/// the unchecked walks rely on (the walks themselves are in ForestKernel.cs).
/// </summary>
internal sealed partial class ForestKernel
{
    /// <summary>
    /// Lays out each tree (see the class summary): internal nodes in preorder, left subtree first, then
    /// each leaf as it first appears as a child in that order; offsets relative to the tree's origin. The
    /// first phase of a tree lasts until about <see cref="FirstPhaseLeafShare"/> of its leaves are reached,
    /// or to its deepest leaf when that is at most <see cref="LaterSteps"/> further.
    /// </summary>
    private static (Entry[] Entries, Tree[] Trees) Lay(int[] feature, float[] threshold, int[] left, int[] right, int[] roots)
    {
        // Nodes + leaves (nodes + trees), and one spare entry so that every origin indexes the array.
        var entries = new Entry[checked((2 * feature.Length) + roots.Length + 1)];
        var trees = new Tree[roots.Length];
        var nodeSlot = new int[feature.Length]; // a node's place in its tree's preorder
        var leafSlot = new int[feature.Length + roots.Length]; // a leaf's place in its tree's leaf order
        var order = new List<(int Node, int Depth)>();
        var leaves = new List<(int Leaf, int Depth)>();
        var stack = new Stack<(int Node, int Depth)>();
        var next = 0;
        for (var t = 0; t < roots.Length; t++)
        {
            order.Clear();
            leaves.Clear();
            if (roots[t] < 0)
            {
                leaves.Add((roots[t], 0));
            }
            else
            {
                stack.Push((roots[t], 0));
                while (stack.Count > 0)
                {
                    var (node, depth) = stack.Pop();
                    nodeSlot[node] = order.Count;
                    order.Add((node, depth));
                    if (right[node] >= 0)
                    {
                        stack.Push((right[node], depth + 1));
                    }

                    if (left[node] >= 0)
                    {
                        stack.Push((left[node], depth + 1));
                    }
                }

                foreach (var (node, depth) in order)
                {
                    if (left[node] < 0)
                    {
                        leaves.Add((left[node], depth + 1));
                    }

                    if (right[node] < 0)
                    {
                        leaves.Add((right[node], depth + 1));
                    }
                }
            }

            var origin = next + leaves.Count;
            for (var j = 0; j < leaves.Count; j++)
            {
                leafSlot[~leaves[j].Leaf] = j;
                entries[origin - 1 - j] = new Entry(0, float.NaN, leaves[j].Leaf, -EntryBytes * (j + 1));
            }

            for (var i = 0; i < order.Count; i++)
            {
                var node = order[i].Node;
                entries[origin + i] = new Entry(feature[node], threshold[node], Offset(left[node]), Offset(right[node]));
            }

            var depths = leaves.Select(l => l.Depth).Order().ToArray();
            var first = Math.Max(1, depths[(int)(FirstPhaseLeafShare * (depths.Length - 1))]);
            trees[t] = new Tree(
                next,
                origin,
                origin + order.Count,
                roots[t] >= 0 ? 0 : -EntryBytes,
                depths[^1] - first <= LaterSteps ? Math.Max(1, depths[^1]) : first);
            next = origin + order.Count;
        }

        return (entries, trees);

        int Offset(int child) => child >= 0 ? EntryBytes * nodeSlot[child] : -EntryBytes * (leafSlot[~child] + 1);
    }

    /// <summary>
    /// What the unchecked walks rely on, checked on the layout itself: in every tree's region, each internal
    /// entry's feature is below <paramref name="width"/> and its children are offsets of entries of the same
    /// region, leaves or internal entries further on (so offsets only grow until a leaf, and every walk
    /// ends); each leaf entry reads feature 0, has a NaN threshold, loops to itself and holds a leaf below
    /// <paramref name="leafCount"/>; the root is an entry of the region.
    /// </summary>
    /// <exception cref="InvalidOperationException">The layout is inconsistent (a bug in <see cref="Lay"/>).</exception>
    private static void CheckLayout(Entry[] entries, Tree[] trees, int width, int leafCount)
    {
        foreach (var t in trees)
        {
            var low = -EntryBytes * (long)(t.Origin - t.Start);
            var high = EntryBytes * (long)(t.End - t.Origin);
            bool IsEntry(long offset) => offset >= low && offset < high && offset % EntryBytes == 0;
            bool IsChild(long child, long parent) => IsEntry(child) && (child < 0 || child > parent);
            var ok = t.Start <= t.Origin && t.Origin <= t.End && t.End <= entries.Length && t.Origin < entries.Length
                && IsEntry(t.Root) && t.FirstSteps >= 1;
            for (var i = t.Start; ok && i < t.End; i++)
            {
                var e = entries[i];
                var offset = EntryBytes * (long)(i - t.Origin);
                ok = offset >= 0
                    ? e.Feature >= 0 && e.Feature < width && !float.IsNaN(e.Threshold) && IsChild(e.Left, offset) && IsChild(e.Right, offset)
                    : e.Feature == 0 && float.IsNaN(e.Threshold) && e.Right == offset && e.Left < 0 && ~e.Left < leafCount;
            }

            if (!ok)
            {
                throw new InvalidOperationException("The scoring layout of a compiled forest is inconsistent.");
            }
        }
    }

    /// <summary>
    /// A tree's region <c>[Start, End)</c> of the entries, the index of its offset 0 (<c>Origin</c>), its
    /// root's offset (0, or −16 for a tree that never splits) and the length of its first phase.
    /// </summary>
    private readonly record struct Tree(int Start, int Origin, int End, int Root, int FirstSteps);

    /// <summary>
    /// An internal node (children as byte offsets from the tree's origin) or a leaf (see the class summary).
    /// <see cref="Left"/> and <see cref="Right"/> must stay adjacent (see <see cref="Step"/>).
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Entry(int feature, float threshold, int left, int right)
    {
        public int Feature = feature;
        public float Threshold = threshold;
        public int Left = left;
        public int Right = right;
    }
}
