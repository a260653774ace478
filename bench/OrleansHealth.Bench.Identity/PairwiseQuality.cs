namespace OrleansHealth.Bench.Identity;

/// <summary>Pairwise precision, recall and F1 of a clustering of records against the true clustering.</summary>
internal sealed record PairwiseQuality(long TruePairs, long PredictedPairs, long CorrectPairs)
{
    public double Precision => PredictedPairs == 0 ? 1 : (double)CorrectPairs / PredictedPairs;

    public double Recall => TruePairs == 0 ? 1 : (double)CorrectPairs / TruePairs;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Each item is one record: the person it truly is and the enterprise id it was given.</summary>
    public static PairwiseQuality Of(IReadOnlyCollection<(string Truth, string Predicted)> records)
    {
        static long Pairs(IEnumerable<int> sizes) => sizes.Sum(n => (long)n * (n - 1) / 2);

        return new PairwiseQuality(
            Pairs(records.GroupBy(r => r.Truth, StringComparer.Ordinal).Select(g => g.Count())),
            Pairs(records.GroupBy(r => r.Predicted, StringComparer.Ordinal).Select(g => g.Count())),
            Pairs(records.GroupBy(r => (r.Truth, r.Predicted)).Select(g => g.Count())));
    }
}
