using Microsoft.ML.Trainers.FastTree;

namespace OrleansHealth.Learning.Forests;

/// <summary>
/// Copies a trained ML.NET FastForest into our <see cref="Forest"/>. ML.NET's score for a row is the plain
/// sum of the trees' leaf values (no tree weights, no bias, no division by the tree count), and each leaf
/// value is the mean of the ±1 targets of the bagged rows in that leaf. So a tree's probability of the
/// positive class is <c>(leaf + 1) / 2</c>, and our forest probability equals <c>(score / trees + 1) / 2</c>.
/// The checks below refuse any ensemble for which that identity would not hold.
/// </summary>
internal static class FastForestExport
{
    /// <summary>Our forest, reading rows of <paramref name="width"/> features.</summary>
    /// <exception cref="NotSupportedException">The ensemble uses something the export cannot reproduce exactly.</exception>
    /// <exception cref="InvalidOperationException">ML.NET returned no trees.</exception>
    public static Forest ToForest(FastForestBinaryModelParameters model, int width)
    {
        var ensemble = model.TrainedTreeEnsemble;
        if (ensemble.Trees.Count == 0)
        {
            throw new InvalidOperationException(
                "FastForest produced no trees: no bag allowed a single split. Use more rows per shard or a smaller MinExamplesPerLeaf.");
        }

        if (ensemble.Bias != 0)
        {
            throw new NotSupportedException($"The ensemble has bias {ensemble.Bias}; a FastForest score has none, so this is not a model the export understands.");
        }

        var trees = new DecisionTree[ensemble.Trees.Count];
        for (var t = 0; t < trees.Length; t++)
        {
            if (ensemble.TreeWeights[t] != 1)
            {
                throw new NotSupportedException(
                    $"Tree {t} has weight {ensemble.TreeWeights[t]}; the export assumes equally weighted trees, as ML.NET's FastForest scores them.");
            }

            trees[t] = ToTree(ensemble.Trees[t], t);
        }

        return new Forest(trees, width);
    }

    private static DecisionTree ToTree(RegressionTreeBase tree, int index)
    {
        if (tree.NumberOfLeaves == 1)
        {
            // ML.NET drops trees whose root cannot split, but a one-leaf tree is well defined: keep it.
            return new DecisionTree([], [], [], [], [LeafProbability(tree.LeafValues[0], index)], []);
        }

        var nodes = tree.NumberOfNodes;
        for (var n = 0; n < nodes; n++)
        {
            if (tree.CategoricalSplitFlags[n])
            {
                throw new NotSupportedException(
                    $"Tree {index} node {n} is a categorical split; the export handles numeric thresholds only. Train without categorical splits.");
            }
        }

        var leaves = new double[tree.NumberOfLeaves];
        for (var l = 0; l < leaves.Length; l++)
        {
            leaves[l] = LeafProbability(tree.LeafValues[l], index);
        }

        return new DecisionTree(
            [.. tree.NumericalSplitFeatureIndexes],
            [.. tree.NumericalSplitThresholds],
            [.. tree.LeftChild],
            [.. tree.RightChild],
            leaves,
            // A least-squares split gain is non-negative; clamp only rounding noise just below zero.
            [.. tree.SplitGains.Select(g => Math.Max(0, g))]);
    }

    /// <summary>
    /// <c>(leaf + 1) / 2</c>: a leaf value is the mean of ±1 targets, so this is the share of positives
    /// among the leaf's bagged rows.
    /// </summary>
    private static double LeafProbability(double leaf, int tree)
    {
        if (!(leaf >= -1 && leaf <= 1))
        {
            throw new NotSupportedException($"Tree {tree} has leaf value {leaf}, outside [-1, 1]; it is not a FastForest classification tree.");
        }

        return (leaf + 1) / 2;
    }
}
