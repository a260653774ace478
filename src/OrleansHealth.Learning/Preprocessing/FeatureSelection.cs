namespace OrleansHealth.Learning.Preprocessing;

/// <summary>
/// Keeps the most informative features. Fewer inputs train faster, make forests shallower and easier
/// to explain, and drop columns that only add noise on a small training set.
/// </summary>
public static class FeatureSelection
{
    /// <summary>
    /// The column indexes of the <paramref name="k"/> best-ranked features (all of them when
    /// <paramref name="k"/> is null or at least the ranking's length), in ascending column order so
    /// the model's inputs keep the raw row's order whatever the scores were.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is below 1.</exception>
    public static IReadOnlyList<int> TopK(IReadOnlyList<FeatureScore> ranking, int? k)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        if (k is { } count)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(count, 1, nameof(k));
        }

        return
        [
            .. ranking
                .OrderBy(s => s.Rank)
                .ThenBy(s => s.Column)
                .Take(k ?? ranking.Count)
                .Select(s => s.Column)
                .Order(),
        ];
    }
}
