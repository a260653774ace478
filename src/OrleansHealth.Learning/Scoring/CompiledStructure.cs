namespace OrleansHealth.Learning.Scoring;

/// <summary>
/// The structural checks of a <see cref="CompiledForest"/>: what must hold for a walk from any root to
/// end at a leaf having read only valid indexes. <see cref="ForestKernel"/> relies on them to walk
/// without bounds checks.
/// </summary>
internal static class CompiledStructure
{
    /// <summary>
    /// Throws <see cref="ArgumentException"/> naming the first problem: a width below 1, no trees, arrays
    /// of different lengths, a leaf count other than nodes + trees, a feature outside [0, width), a NaN
    /// threshold, or a node or leaf not reached exactly once from the roots (which rules out
    /// out-of-range children, cycles, subtrees shared within or between trees, and unreachable parts).
    /// </summary>
    public static void Check(int width, int[] feature, float[] threshold, int[] left, int[] right, int[] roots, int leafCount)
    {
        if (width < 1)
        {
            throw new ArgumentException($"A compiled forest reads at least one feature, not {width}.");
        }

        if (roots.Length == 0)
        {
            throw new ArgumentException("A compiled forest needs at least one tree.");
        }

        var nodes = feature.Length;
        if (threshold.Length != nodes || left.Length != nodes || right.Length != nodes)
        {
            throw new ArgumentException(
                $"A compiled forest needs one feature, threshold, left and right child per internal node; got {nodes}, {threshold.Length}, {left.Length} and {right.Length}.");
        }

        if (leafCount != nodes + roots.Length)
        {
            throw new ArgumentException($"{roots.Length} binary trees with {nodes} internal nodes have {nodes + roots.Length} leaves, not {leafCount}.");
        }

        for (var n = 0; n < nodes; n++)
        {
            if (feature[n] < 0 || feature[n] >= width)
            {
                throw new ArgumentException($"Node {n} splits on feature {feature[n]}, outside the forest's {width} features.");
            }

            if (float.IsNaN(threshold[n]))
            {
                throw new ArgumentException($"Node {n} has a NaN threshold, which no value would ever pass.");
            }
        }

        var nodeSeen = new bool[nodes];
        var leafSeen = new bool[leafCount];
        var pending = new Stack<int>();
        var reached = 0;
        for (var t = 0; t < roots.Length; t++)
        {
            Reach(roots[t], $"Tree {t}'s root");
            while (pending.Count > 0)
            {
                var node = pending.Pop();
                Reach(left[node], $"node {node}");
                Reach(right[node], $"node {node}");
            }
        }

        if (reached != nodes + leafCount)
        {
            throw new ArgumentException($"Only {reached} of {nodes} internal nodes and {leafCount} leaves are reachable from the roots.");
        }

        void Reach(int child, string from)
        {
            if (child >= 0)
            {
                if (child >= nodes || nodeSeen[child])
                {
                    throw new ArgumentException(child >= nodes
                        ? $"{from} points to node {child}, but the forest has {nodes} internal nodes."
                        : $"Node {child} is reached twice (again from {from}); each node has one path from one root.");
                }

                nodeSeen[child] = true;
                pending.Push(child);
            }
            else
            {
                var leaf = ~child;
                if (leaf >= leafCount || leafSeen[leaf])
                {
                    throw new ArgumentException(leaf >= leafCount
                        ? $"{from} points to leaf {leaf}, but the forest has {leafCount} leaves."
                        : $"Leaf {leaf} is reached twice (again from {from}); each leaf has one path from one root.");
                }

                leafSeen[leaf] = true;
            }

            reached++;
        }
    }
}
