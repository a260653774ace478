namespace OrleansHealth.Clinical.Identity.Tests.Fixtures;

/// <summary>Pairwise precision and recall of a clustering against the truth.</summary>
internal sealed record PairwiseQuality(long TruePairs, long PredictedPairs, long CorrectPairs)
{
    public double Precision => PredictedPairs == 0 ? 1 : (double)CorrectPairs / PredictedPairs;

    public double Recall => TruePairs == 0 ? 1 : (double)CorrectPairs / TruePairs;

    /// <summary>Compares the clusters of <paramref name="predicted"/> with those of <paramref name="truth"/> (item i: its true and its predicted cluster).</summary>
    public static PairwiseQuality Of(IReadOnlyList<(string Truth, string Predicted)> items)
    {
        static long Pairs(IEnumerable<int> sizes) => sizes.Sum(n => (long)n * (n - 1) / 2);

        return new PairwiseQuality(
            Pairs(items.GroupBy(i => i.Truth).Select(g => g.Count())),
            Pairs(items.GroupBy(i => i.Predicted).Select(g => g.Count())),
            Pairs(items.GroupBy(i => (i.Truth, i.Predicted)).Select(g => g.Count())));
    }
}
