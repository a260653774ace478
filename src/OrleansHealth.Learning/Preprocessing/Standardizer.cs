using OrleansHealth.Learning.Data;

namespace OrleansHealth.Learning.Preprocessing;

/// <summary>Fits a <see cref="Standardization"/> on (already imputed) training data.</summary>
public static class Standardizer
{
    /// <summary>
    /// Computes each column's mean and population standard deviation. A constant column gets scale 1
    /// (detected exactly, not by a tolerance on a rounded standard deviation, so it maps to 0 rather
    /// than to rounding noise blown up by a tiny divisor). Missing values are refused rather than
    /// skipped: standardisation runs after imputation, and a NaN here means a step was left out.
    /// </summary>
    /// <exception cref="ArgumentException">A column holds a missing (NaN) or infinite value; the message names it.</exception>
    public static Standardization Fit(FeatureMatrix m)
    {
        ArgumentNullException.ThrowIfNull(m);
        var means = new double[m.Columns];
        var scales = new double[m.Columns];
        for (var c = 0; c < m.Columns; c++)
        {
            (means[c], scales[c]) = Fit(m, c);
        }

        return new Standardization(means, scales);
    }

    private static (double Mean, double Scale) Fit(FeatureMatrix m, int column)
    {
        if (m.Rows == 0)
        {
            return (0, 1);
        }

        double sum = 0;
        var first = m[0, column];
        var constant = true;
        for (var r = 0; r < m.Rows; r++)
        {
            var value = m[r, column];
            if (!float.IsFinite(value))
            {
                throw new ArgumentException(
                    $"Column '{m.Names[column]}' holds {(float.IsNaN(value) ? "a missing value" : "an infinite value")} at row {r}; impute before standardising.",
                    nameof(m));
            }

            constant &= value == first;
            sum += value;
        }

        if (constant)
        {
            return (first, 1);
        }

        var mean = sum / m.Rows;
        double squares = 0;
        for (var r = 0; r < m.Rows; r++)
        {
            var d = m[r, column] - mean;
            squares += d * d;
        }

        var std = Math.Sqrt(squares / m.Rows);
        return (mean, std > 0 ? std : 1);
    }
}
