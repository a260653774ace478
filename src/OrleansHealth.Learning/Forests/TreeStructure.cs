namespace OrleansHealth.Learning.Forests;

/// <summary>
/// The structural checks behind <see cref="DecisionTree"/>'s constructor, apart so the tree type stays a
/// small data carrier. The checks matter because a tree arrives from storage or another silo as plain
/// arrays: an index out of range would throw mid-scoring and a cycle would hang it.
/// </summary>
internal static class TreeStructure
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the first problem found (null arrays included).</summary>
    public static void Check(int[] splitFeature, float[] threshold, int[] left, int[] right, double[] leafProbability, double[]? splitGain)
    {
        ArgumentNullException.ThrowIfNull(splitFeature);
        ArgumentNullException.ThrowIfNull(threshold);
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        ArgumentNullException.ThrowIfNull(leafProbability);
        var nodes = splitFeature.Length;
        if (threshold.Length != nodes || left.Length != nodes || right.Length != nodes)
        {
            throw new ArgumentException(
                $"A tree needs one feature, threshold, left and right child per internal node; got {nodes}, {threshold.Length}, {left.Length} and {right.Length}.");
        }

        if (leafProbability.Length != nodes + 1)
        {
            throw new ArgumentException($"A binary tree with {nodes} internal nodes has {nodes + 1} leaves, not {leafProbability.Length}.", nameof(leafProbability));
        }

        if (splitGain is not null && splitGain.Length != nodes)
        {
            throw new ArgumentException($"Split gains need one value per internal node ({nodes}), not {splitGain.Length}.", nameof(splitGain));
        }

        CheckValues(splitFeature, threshold, leafProbability, splitGain);
        CheckReachedOnce(left, right, leafProbability.Length);
    }

    private static void CheckValues(int[] splitFeature, float[] threshold, double[] leafProbability, double[]? splitGain)
    {
        for (var i = 0; i < splitFeature.Length; i++)
        {
            if (splitFeature[i] < 0)
            {
                throw new ArgumentException($"Node {i} splits on feature {splitFeature[i]}; feature indexes start at 0.", nameof(splitFeature));
            }

            if (float.IsNaN(threshold[i]))
            {
                throw new ArgumentException($"Node {i} has a NaN threshold, which no value would ever pass.", nameof(threshold));
            }

            if (splitGain is not null && !(splitGain[i] >= 0 && double.IsFinite(splitGain[i])))
            {
                throw new ArgumentException($"Node {i} has split gain {splitGain[i]}; gains are finite and non-negative.", nameof(splitGain));
            }
        }

        for (var i = 0; i < leafProbability.Length; i++)
        {
            if (!(leafProbability[i] >= 0 && leafProbability[i] <= 1))
            {
                throw new ArgumentException($"Leaf {i} has probability {leafProbability[i]}, outside [0, 1].", nameof(leafProbability));
            }
        }
    }

    /// <summary>
    /// Walks from the root and requires every internal node and every leaf to be reached exactly once:
    /// that rules out out-of-range children, shared subtrees, cycles and unreachable nodes in one pass.
    /// </summary>
    private static void CheckReachedOnce(int[] left, int[] right, int leaves)
    {
        var nodes = left.Length;
        if (nodes == 0)
        {
            return;
        }

        var nodeSeen = new bool[nodes];
        var leafSeen = new bool[leaves];
        var pending = new Stack<int>();
        pending.Push(0);
        nodeSeen[0] = true;
        var nodesReached = 1;
        var leavesReached = 0;
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            foreach (var child in (ReadOnlySpan<int>)[left[node], right[node]])
            {
                if (child >= 0)
                {
                    if (child >= nodes || nodeSeen[child])
                    {
                        throw new ArgumentException(child >= nodes
                            ? $"Node {node} points to node {child}, but the tree has {nodes} internal nodes."
                            : $"Node {child} is reached twice (again from node {node}); a tree has one path to each node.");
                    }

                    nodeSeen[child] = true;
                    nodesReached++;
                    pending.Push(child);
                }
                else
                {
                    var leaf = ~child;
                    if (leaf >= leaves || leafSeen[leaf])
                    {
                        throw new ArgumentException(leaf >= leaves
                            ? $"Node {node} points to leaf {leaf}, but the tree has {leaves} leaves."
                            : $"Leaf {leaf} is reached twice (again from node {node}); a tree has one path to each leaf.");
                    }

                    leafSeen[leaf] = true;
                    leavesReached++;
                }
            }
        }

        if (nodesReached != nodes || leavesReached != leaves)
        {
            throw new ArgumentException($"Only {nodesReached} of {nodes} internal nodes and {leavesReached} of {leaves} leaves are reachable from the root.");
        }
    }
}
