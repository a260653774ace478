namespace OrleansHealth.Learning.Forests;

/// <summary>
/// A random forest: <see cref="Trees"/> over rows of <see cref="Width"/> features. Its probability is the
/// mean of the trees' leaf probabilities (a soft vote), computed only through <see cref="Votes"/>, so
/// one shard's forest, a merged forest and partial sums added across silos all give the same number.
/// </summary>
/// <remarks>
/// Shards are trained independently and <see cref="Merge"/> only concatenates trees; because every tree
/// weighs the same, the merged probability is the tree-count-weighted mean of the shards' probabilities.
/// The forest takes ownership of the array. Orleans does not run constructors when it deserialises, so
/// code that loads a forest it does not trust calls <see cref="ThrowIfInvalid"/>.
/// </remarks>
[GenerateSerializer, Immutable, Alias("oh.learning.Forest")]
public sealed class Forest
{
    /// <summary>A forest of <paramref name="trees"/> that read rows of <paramref name="width"/> features.</summary>
    /// <exception cref="ArgumentException">No trees, a width below 1, or a tree that reads a feature beyond the width.</exception>
    public Forest(DecisionTree[] trees, int width)
    {
        Check(trees, width);
        Trees = trees;
        Width = width;
    }

    /// <summary>The trees, in training order (shard by shard after a merge).</summary>
    [Id(0)] public DecisionTree[] Trees { get; }

    /// <summary>Number of input features a row must have.</summary>
    [Id(1)] public int Width { get; }

    /// <summary>
    /// One forest from several (normally one per training shard): the trees concatenated in order.
    /// </summary>
    /// <exception cref="ArgumentException">No forests, or forests trained on different widths.</exception>
    public static Forest Merge(IEnumerable<Forest> forests)
    {
        ArgumentNullException.ThrowIfNull(forests);
        var list = forests.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("Merging needs at least one forest.", nameof(forests));
        }

        var width = list[0].Width;
        var other = list.Find(f => f.Width != width);
        if (other is not null)
        {
            throw new ArgumentException(
                $"Forests trained on {width} and {other.Width} features cannot be merged; every shard must use the same feature columns.",
                nameof(forests));
        }

        return new Forest([.. list.SelectMany(f => f.Trees)], width);
    }

    /// <summary>
    /// The sum of the trees' probabilities for <paramref name="row"/> and the number of trees: the one
    /// place the vote is computed. Add results across shards with <see cref="VoteSum.Add"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The row does not have <see cref="Width"/> values.</exception>
    public VoteSum Votes(ReadOnlySpan<float> row)
    {
        CheckRow(row);
        var sum = 0.0;
        foreach (var tree in Trees)
        {
            sum += tree.Probability(row);
        }

        return new VoteSum(sum, Trees.Length);
    }

    /// <summary>Probability of the positive class: the mean tree probability, i.e. <c>Votes(row).Probability</c>.</summary>
    /// <exception cref="ArgumentException">The row does not have <see cref="Width"/> values.</exception>
    public double Probability(ReadOnlySpan<float> row) => Votes(row).Probability;

    /// <summary>
    /// Each tree's probability for <paramref name="row"/>, in tree order: their spread is a cheap measure of
    /// how much the trees disagree, i.e. of the model's uncertainty about this row.
    /// </summary>
    /// <exception cref="ArgumentException">The row does not have <see cref="Width"/> values.</exception>
    public double[] TreeProbabilities(ReadOnlySpan<float> row)
    {
        CheckRow(row);
        var result = new double[Trees.Length];
        for (var t = 0; t < Trees.Length; t++)
        {
            result[t] = Trees[t].Probability(row);
        }

        return result;
    }

    /// <summary>
    /// Share of the total split gain earned by each feature over all trees, summing to 1: the classic
    /// impurity-decrease importance. Null when a tree carries no gains (its trainer did not report them);
    /// all zeros when no tree splits at all. Biased toward features with many distinct values, as every
    /// impurity importance is; prefer permutation importance for decisions.
    /// </summary>
    public double[]? GainImportance()
    {
        var gains = new double[Width];
        foreach (var tree in Trees)
        {
            if (tree.SplitGain is null)
            {
                return null;
            }

            for (var n = 0; n < tree.NodeCount; n++)
            {
                gains[tree.SplitFeature[n]] += tree.SplitGain[n];
            }
        }

        var total = gains.Sum();
        if (total > 0)
        {
            for (var f = 0; f < gains.Length; f++)
            {
                gains[f] /= total;
            }
        }

        return gains;
    }

    /// <summary>Repeats the constructor's checks and every tree's, for a forest that arrived by deserialisation.</summary>
    /// <exception cref="ArgumentException">The forest or one of its trees is malformed.</exception>
    public void ThrowIfInvalid()
    {
        Check(Trees, Width);
        foreach (var tree in Trees)
        {
            tree.ThrowIfInvalid();
        }
    }

    private static void Check(DecisionTree[] trees, int width)
    {
        ArgumentNullException.ThrowIfNull(trees);
        if (trees.Length == 0)
        {
            throw new ArgumentException("A forest needs at least one tree.", nameof(trees));
        }

        if (width < 1)
        {
            throw new ArgumentException($"A forest reads at least one feature, not {width}.", nameof(width));
        }

        for (var t = 0; t < trees.Length; t++)
        {
            if (trees[t] is null)
            {
                throw new ArgumentException($"Tree {t} is null.", nameof(trees));
            }

            if (trees[t].MaxSplitFeature >= width)
            {
                throw new ArgumentException(
                    $"Tree {t} splits on feature {trees[t].MaxSplitFeature}, but the forest reads only {width} features.", nameof(trees));
            }
        }
    }

    private void CheckRow(ReadOnlySpan<float> row)
    {
        if (row.Length != Width)
        {
            throw new ArgumentException($"The forest reads rows of {Width} features, not {row.Length}.", nameof(row));
        }
    }
}
