using OrleansHealth.Learning.Data;

namespace OrleansHealth.Learning.Preprocessing;

/// <summary>Fits a <see cref="PreprocessingPlan"/>: rank, select, impute, standardise, in that order.</summary>
public static class Preprocessor
{
    /// <summary>
    /// Ranks the features by mutual information (unless <paramref name="ranking"/> is given, e.g. one
    /// computed once and shared by several models), keeps the <paramref name="topK"/> best (all when
    /// null), fits median imputation on the kept columns, then standardisation on the imputed training
    /// rows. Every step is fitted on <paramref name="training"/> alone so no validation data leaks in.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="topK"/> is below 1.</exception>
    /// <exception cref="ArgumentException"><paramref name="ranking"/> names a column the matrix does not have.</exception>
    public static PreprocessingPlan Fit(FeatureMatrix training, int? topK, IReadOnlyList<FeatureScore>? ranking = null)
    {
        ArgumentNullException.ThrowIfNull(training);
        ranking ??= MutualInformation.Rank(training);
        var selected = FeatureSelection.TopK(ranking, topK);
        foreach (var column in selected)
        {
            if (column < 0 || column >= training.Columns)
            {
                throw new ArgumentException($"The ranking names column {column}, but the matrix has {training.Columns} columns.", nameof(ranking));
            }
        }

        var kept = training.SelectColumns(selected);
        var imputation = MedianImputer.Fit(kept);
        var standardization = Standardizer.Fit(imputation.Transform(kept));
        return new PreprocessingPlan(selected, imputation, standardization, training.Columns);
    }
}
