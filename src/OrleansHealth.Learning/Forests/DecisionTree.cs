namespace OrleansHealth.Learning.Forests;

/// <summary>
/// One binary decision tree in flat arrays, the form ML.NET exposes and the cheapest to walk and to
/// serialise: internal node <c>i</c> sends a row to <see cref="Left"/>[i] when feature
/// <see cref="SplitFeature"/>[i] is <c>&lt;= </c><see cref="Threshold"/>[i] and to <see cref="Right"/>[i]
/// otherwise. A child <c>c &gt;= 0</c> is another internal node; <c>c &lt; 0</c> is the leaf <c>~c</c>.
/// Node 0 is the root. A tree with no internal nodes is a single leaf that every row reaches.
/// </summary>
/// <remarks>
/// Our own copy rather than ML.NET's model object, so that a persisted model version depends only on
/// these numbers (not on an ML.NET version's binary format) and scoring needs no ML.NET at all.
/// The constructor checks the structure (lengths, index ranges, every node and leaf reached exactly once
/// from the root), so a corrupted tree fails when built rather than looping or scoring wrongly later.
/// The tree takes ownership of the arrays: callers must not change them afterwards. Orleans does not
/// run constructors when it deserialises, so code that loads trees from storage it does not trust calls
/// <see cref="ThrowIfInvalid"/>.
/// </remarks>
[GenerateSerializer, Immutable, Alias("oh.learning.DecisionTree")]
public sealed class DecisionTree
{
    /// <summary>Builds a tree and checks its structure.</summary>
    /// <param name="splitFeature">Feature index tested at each internal node.</param>
    /// <param name="threshold">Threshold at each internal node: the row goes left when its value is <c>&lt;=</c> it.</param>
    /// <param name="left">Child when the test holds.</param>
    /// <param name="right">Child when the test fails (or the value is NaN).</param>
    /// <param name="leafProbability">Probability of the positive class at each leaf, in [0, 1].</param>
    /// <param name="splitGain">Optional gain of each internal node's split, for gain importance; finite and non-negative.</param>
    /// <exception cref="ArgumentException">The arrays do not describe one well-formed tree.</exception>
    public DecisionTree(int[] splitFeature, float[] threshold, int[] left, int[] right, double[] leafProbability, double[]? splitGain = null)
    {
        TreeStructure.Check(splitFeature, threshold, left, right, leafProbability, splitGain);
        SplitFeature = splitFeature;
        Threshold = threshold;
        Left = left;
        Right = right;
        LeafProbability = leafProbability;
        SplitGain = splitGain;
    }

    /// <summary>Feature index tested at each internal node.</summary>
    [Id(0)] public int[] SplitFeature { get; }

    /// <summary>Split threshold at each internal node (left when <c>x &lt;= threshold</c>).</summary>
    [Id(1)] public float[] Threshold { get; }

    /// <summary>Child taken when the test holds; negative means leaf <c>~child</c>.</summary>
    [Id(2)] public int[] Left { get; }

    /// <summary>Child taken when the test fails; negative means leaf <c>~child</c>.</summary>
    [Id(3)] public int[] Right { get; }

    /// <summary>Probability of the positive class at each leaf.</summary>
    [Id(4)] public double[] LeafProbability { get; }

    /// <summary>Gain of each internal node's split, or null when the trainer did not report gains.</summary>
    [Id(5)] public double[]? SplitGain { get; }

    /// <summary>Highest feature index any split reads, −1 for a single leaf; a row needs more columns than this.</summary>
    public int MaxSplitFeature => SplitFeature.Length == 0 ? -1 : SplitFeature.Max();

    /// <summary>Number of internal (splitting) nodes.</summary>
    public int NodeCount => SplitFeature.Length;

    /// <summary>Number of leaves, always <see cref="NodeCount"/> + 1.</summary>
    public int LeafCount => LeafProbability.Length;

    /// <summary>Repeats the constructor's structural checks, for a tree that arrived by deserialisation.</summary>
    /// <exception cref="ArgumentException">The tree is malformed.</exception>
    public void ThrowIfInvalid() =>
        TreeStructure.Check(SplitFeature, Threshold, Left, Right, LeafProbability, SplitGain);

    /// <summary>
    /// The leaf <paramref name="row"/> lands in. A NaN feature value fails every <c>&lt;=</c> test and so
    /// goes right, which is what ML.NET does for a model trained without missing values; callers impute
    /// before scoring, so this is only a defined behaviour, not a missing-value strategy.
    /// </summary>
    /// <exception cref="IndexOutOfRangeException">The row is shorter than a split feature index.</exception>
    public int LeafIndex(ReadOnlySpan<float> row)
    {
        if (SplitFeature.Length == 0)
        {
            return 0;
        }

        var node = 0;
        while (node >= 0)
        {
            node = row[SplitFeature[node]] <= Threshold[node] ? Left[node] : Right[node];
        }

        return ~node;
    }

    /// <summary>This tree's probability of the positive class for <paramref name="row"/>: its leaf's value.</summary>
    public double Probability(ReadOnlySpan<float> row) => LeafProbability[LeafIndex(row)];
}
