using OrleansHealth.Learning.Data;

namespace OrleansHealth.Learning.Preprocessing;

/// <summary>
/// Fits an <see cref="ImputationPlan"/> on training data. Medians rather than means, because lab
/// values are skewed and a few extreme results would drag a mean far from a typical patient.
/// </summary>
public static class MedianImputer
{
    /// <summary>
    /// Computes each column's median over its non-missing values (0 for a column with none, so the
    /// plan stays usable; such a column carries no information either way), and adds a "was missing"
    /// indicator for a column whose missing share is at least <paramref name="indicatorThreshold"/>
    /// and below 1. Indicators only where they help: a value missing in a handful of rows is noise
    /// and an extra column just widens the model, while one missing in every row is constant.
    /// </summary>
    /// <param name="training">The training rows; NaN is missing.</param>
    /// <param name="indicatorThreshold">Missing share, in (0, 1], from which a column gets an indicator; 1 disables them.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="indicatorThreshold"/> is not in (0, 1].</exception>
    public static ImputationPlan Fit(FeatureMatrix training, double indicatorThreshold = 0.05)
    {
        ArgumentNullException.ThrowIfNull(training);
        if (!(indicatorThreshold > 0 && indicatorThreshold <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(indicatorThreshold), indicatorThreshold, "The threshold is a share in (0, 1].");
        }

        var medians = new double[training.Columns];
        var indicators = new List<int>();
        var present = new List<float>(training.Rows);
        for (var c = 0; c < training.Columns; c++)
        {
            present.Clear();
            for (var r = 0; r < training.Rows; r++)
            {
                var value = training[r, c];
                if (!float.IsNaN(value))
                {
                    present.Add(value);
                }
            }

            medians[c] = Median(present);
            var missing = training.Rows - present.Count;
            if (missing > 0 && missing < training.Rows && (double)missing / training.Rows >= indicatorThreshold)
            {
                indicators.Add(c);
            }
        }

        return new ImputationPlan([.. training.Names], medians, [.. indicators]);
    }

    /// <summary>The middle value, or the mean of the two middle values for an even count; 0 when empty.</summary>
    private static double Median(List<float> values)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : ((double)values[mid - 1] + values[mid]) / 2;
    }
}
