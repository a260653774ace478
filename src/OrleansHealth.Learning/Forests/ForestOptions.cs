namespace OrleansHealth.Learning.Forests;

/// <summary>
/// How one shard's forest is grown. The defaults aim at a classic (Breiman) random forest as closely as
/// ML.NET's FastForest allows; where it cannot match, the gap is named below.
/// </summary>
/// <param name="Trees">Trees to grow on this shard (1..10000). 100, as in ML.NET and scikit-learn; the
/// cluster's forest is the merge of all shards, so its size is the sum over shards.</param>
/// <param name="Leaves">Maximum leaves per tree (2..100000). A classic forest grows trees until leaves are
/// pure; FastForest grows best-first up to a leaf budget, so a large budget stands in for "unpruned",
/// with <paramref name="MinExamplesPerLeaf"/> the real stop on small shards. 1000: on 96,000 rows × 30
/// features held-out AUROC rose from 0.818 (20 leaves) to 0.853 (200) and 0.858 (1000) and no further at
/// 2000, while training time grows roughly with the leaf count (about 3× from 200 to 1000).</param>
/// <param name="MinExamplesPerLeaf">Fewest training rows in a leaf (at least 1), counted in the tree's
/// bag. 5 rather than the classic 1: our votes are leaf frequencies (a probability forest), and a leaf
/// of one or two rows only ever says 0 or 1.</param>
/// <param name="FeatureFraction">Share of features each tree may split on, in (0, 1], drawn afresh per
/// tree (each feature kept with this probability). A classic forest samples features per split ("mtry");
/// FastForest's per-split option is a biased greedy coin flip that measured no effect, so per-tree
/// sampling is the decorrelation FastForest really offers. 0.5 was best or near best on a 96,000-row
/// synthetic benchmark (0.18 ≈ √p/p and 0.3 were close; 1.0 clearly worse). A tree that draws no usable
/// feature cannot split and is dropped, so with very few features expect fewer trees.</param>
/// <param name="BaggingFraction">Fraction of rows each tree trains on, in (0, 1]. FastForest draws each
/// row independently without replacement, not a bootstrap; 0.632 is the expected share of distinct rows
/// in a bootstrap sample, so each tree sees about as much distinct data as in a classic forest.</param>
/// <param name="MaxBins">Histogram bins per feature (2..1024); FastForest splits only between bin
/// boundaries. 255 is ML.NET's default; a classic forest considers every distinct value.</param>
/// <param name="Seed">Seeds bagging, feature sampling and ML.NET itself: same data and seed, same trees.</param>
[GenerateSerializer, Immutable, Alias("oh.learning.ForestOptions")]
public sealed record ForestOptions(
    [property: Id(0)] int Trees = 100,
    [property: Id(1)] int Leaves = 1000,
    [property: Id(2)] int MinExamplesPerLeaf = 5,
    [property: Id(3)] double FeatureFraction = 0.5,
    [property: Id(4)] double BaggingFraction = 0.632,
    [property: Id(5)] int MaxBins = 255,
    [property: Id(6)] int Seed = 42)
{
    /// <summary>The problems with these options in words a user can act on; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Trees is < 1 or > 10_000)
        {
            problems.Add($"Trees must be between 1 and 10000, not {Trees}.");
        }

        if (Leaves is < 2 or > 100_000)
        {
            problems.Add($"Leaves must be between 2 and 100000, not {Leaves}.");
        }

        if (MinExamplesPerLeaf < 1)
        {
            problems.Add($"MinExamplesPerLeaf must be at least 1, not {MinExamplesPerLeaf}.");
        }

        if (!(FeatureFraction > 0 && FeatureFraction <= 1))
        {
            problems.Add($"FeatureFraction must be above 0 and at most 1, not {FeatureFraction}.");
        }

        if (!(BaggingFraction > 0 && BaggingFraction <= 1))
        {
            problems.Add($"BaggingFraction must be above 0 and at most 1, not {BaggingFraction}.");
        }

        if (MaxBins is < 2 or > 1024)
        {
            problems.Add($"MaxBins must be between 2 and 1024, not {MaxBins}.");
        }

        return problems;
    }
}
