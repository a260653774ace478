namespace OrleansHealth.Learning.Forests.Histogram;

/// <summary>
/// How <see cref="RandomForestTrainer"/> grows a classic (Breiman) random forest: bootstrap samples,
/// a fresh random subset of features at every split, Gini splits, trees grown until pure unless a
/// limit below stops them. The defaults are scikit-learn's <c>RandomForestClassifier</c>'s.
/// </summary>
/// <param name="Trees">Number of trees (1..10000).</param>
/// <param name="MaxFeatures">Features drawn (uniformly, without replacement) at each split; null means
/// round(√features), at least 1. At most the number of features (checked when training). As in
/// scikit-learn, a drawn feature that is constant within the node still counts towards this number, but
/// drawing goes on past it until one feature yields a valid split or every feature has been tried.</param>
/// <param name="MinSamplesLeaf">Fewest rows in a leaf (at least 1), counted with bootstrap
/// multiplicity, i.e. in the tree's bootstrap sample.</param>
/// <param name="MinSamplesSplit">Fewest rows (with multiplicity) a node needs to be split (at least 2).</param>
/// <param name="MaxDepth">Deepest level a leaf may sit at (root is depth 0), at least 1; null = unlimited.</param>
/// <param name="SampleFraction">Size of each tree's bootstrap sample as a fraction of the rows, in (0, 1];
/// rows are drawn with replacement (1.0 is the classic bootstrap, about 63 % distinct rows).</param>
/// <param name="MaxBins">Histogram bins per feature (2..256). A feature with at most this many distinct
/// values keeps them all (exact splits, as scikit-learn's); others are cut at quantiles.</param>
/// <param name="Seed">Seeds bootstrap and feature draws; each tree's generator derives from it and the
/// tree's index, so the same data and settings give the same trees whatever <paramref name="Threads"/> is.</param>
/// <param name="Threads">Trees grown in parallel within one call (1..256). 1 for the cluster, which runs
/// one shard per core; more for a single large training run.</param>
[GenerateSerializer, Immutable, Alias("oh.learning.RandomForestSettings")]
public sealed record RandomForestSettings(
    [property: Id(0)] int Trees = 100,
    [property: Id(1)] int? MaxFeatures = null,
    [property: Id(2)] int MinSamplesLeaf = 1,
    [property: Id(3)] int MinSamplesSplit = 2,
    [property: Id(4)] int? MaxDepth = null,
    [property: Id(5)] double SampleFraction = 1.0,
    [property: Id(6)] int MaxBins = 255,
    [property: Id(7)] int Seed = 1,
    [property: Id(8)] int Threads = 1)
{
    /// <summary>The problems with these settings in words a user can act on; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Trees is < 1 or > 10_000)
        {
            problems.Add($"Trees must be between 1 and 10000, not {Trees}.");
        }

        if (MaxFeatures is < 1)
        {
            problems.Add($"MaxFeatures must be at least 1 (or unset for √features), not {MaxFeatures}.");
        }

        if (MinSamplesLeaf < 1)
        {
            problems.Add($"MinSamplesLeaf must be at least 1, not {MinSamplesLeaf}.");
        }

        if (MinSamplesSplit < 2)
        {
            problems.Add($"MinSamplesSplit must be at least 2, not {MinSamplesSplit}.");
        }

        if (MaxDepth is < 1)
        {
            problems.Add($"MaxDepth must be at least 1 (or unset for unlimited), not {MaxDepth}.");
        }

        if (!(SampleFraction > 0 && SampleFraction <= 1))
        {
            problems.Add($"SampleFraction must be above 0 and at most 1, not {SampleFraction}.");
        }

        if (MaxBins is < 2 or > 256)
        {
            problems.Add($"MaxBins must be between 2 and 256, not {MaxBins}.");
        }

        if (Threads is < 1 or > 256)
        {
            problems.Add($"Threads must be between 1 and 256, not {Threads}.");
        }

        return problems;
    }
}
