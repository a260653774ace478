using OrleansHealth.Learning.Data;

namespace OrleansHealth.Learning.Scoring;

/// <summary>
/// Where the model's training data lay for one group of rows, e.g. the patients who received one
/// treatment: per model-input column, the 1st and 99th percentile of the group's cover rows. A patient
/// outside that range for some column is one the model saw (almost) no one like when it learned about
/// that treatment, so its scenario for the treatment is an extrapolation; <see cref="Outside"/> names
/// those columns.
/// </summary>
/// <param name="Group">The (column, value) pairs that define the group: a cover row belongs to it when it
/// has exactly that value in every one of those columns (treatments are coded values, so exact equality).</param>
/// <param name="Count">Number of cover rows in the group.</param>
/// <param name="Low">Per column, the 1st percentile of the group's values (numpy's default linear
/// interpolation), over the non-NaN values; NaN when the group has no value in that column.</param>
/// <param name="High">Per column, the 99th percentile, likewise.</param>
[GenerateSerializer, Immutable, Alias("oh.learning.SupportRange")]
public sealed record SupportRange(
    [property: Id(0)] IReadOnlyList<(int Column, float Value)> Group,
    [property: Id(1)] int Count,
    [property: Id(2)] IReadOnlyList<double> Low,
    [property: Id(3)] IReadOnlyList<double> High)
{
    /// <summary>Quantile of the group's values taken as the lower edge of the support.</summary>
    public const double LowQuantile = 0.01;

    /// <summary>Quantile of the group's values taken as the upper edge of the support.</summary>
    public const double HighQuantile = 0.99;

    /// <summary>Width of the rows this range describes.</summary>
    public int Width => Low.Count;

    /// <summary>
    /// The support of the rows of <paramref name="cover"/> (the preprocessed training rows) that belong
    /// to <paramref name="group"/>; an empty group means all rows.
    /// </summary>
    /// <exception cref="ArgumentException">A group column outside the matrix, a column named twice, or a NaN value.</exception>
    public static SupportRange Fit(FeatureMatrix cover, IReadOnlyList<(int Column, float Value)> group)
    {
        ArgumentNullException.ThrowIfNull(cover);
        TreatmentScenarios.CheckOverrides(group, cover.Columns, "the group", nameof(group));
        var members = new List<int>();
        for (var r = 0; r < cover.Rows; r++)
        {
            var row = cover.Row(r);
            var belongs = true;
            foreach (var (column, value) in group)
            {
                if (row[column] != value)
                {
                    belongs = false;
                    break;
                }
            }

            if (belongs)
            {
                members.Add(r);
            }
        }

        var low = new double[cover.Columns];
        var high = new double[cover.Columns];
        var values = new double[members.Count];
        for (var c = 0; c < cover.Columns; c++)
        {
            var n = 0;
            foreach (var r in members)
            {
                var value = cover[r, c];
                if (!float.IsNaN(value))
                {
                    values[n++] = value;
                }
            }

            var present = values.AsSpan(0, n);
            present.Sort();
            low[c] = n == 0 ? double.NaN : Quantiles.Linear(present, LowQuantile);
            high[c] = n == 0 ? double.NaN : Quantiles.Linear(present, HighQuantile);
        }

        return new SupportRange(group.ToArray(), members.Count, low, high);
    }

    /// <summary>
    /// The columns, ascending, where <paramref name="row"/> lies outside [<see cref="Low"/>,
    /// <see cref="High"/>], ignoring the group's own columns (the scenario sets them). A NaN value, or a
    /// column the group had no value for (every column when <see cref="Count"/> is 0), counts as outside.
    /// </summary>
    /// <exception cref="ArgumentException">The row is not <see cref="Width"/> wide.</exception>
    public IReadOnlyList<int> Outside(ReadOnlySpan<float> row)
    {
        if (row.Length != Width)
        {
            throw new ArgumentException($"The support range describes rows of {Width} features, not {row.Length}.", nameof(row));
        }

        var outside = new List<int>();
        for (var c = 0; c < row.Length; c++)
        {
            if (!(row[c] >= Low[c] && row[c] <= High[c]) && !IsGroupColumn(c))
            {
                outside.Add(c);
            }
        }

        return outside;
    }

    private bool IsGroupColumn(int column)
    {
        foreach (var (c, _) in Group)
        {
            if (c == column)
            {
                return true;
            }
        }

        return false;
    }
}
