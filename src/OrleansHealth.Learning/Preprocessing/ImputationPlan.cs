using OrleansHealth.Learning.Data;

namespace OrleansHealth.Learning.Preprocessing;

/// <summary>
/// How a fitted model version fills missing values. Stored with the version so scoring fills a row
/// exactly as training did: a missing input becomes the training median (robust to the skewed,
/// outlier-heavy distributions of lab values), and for the inputs in <see cref="IndicatorColumns"/>
/// an extra 0/1 column records that the value was missing, because in clinical data the absence of
/// a test is itself information (nobody ordered it) that the median alone would erase.
/// </summary>
/// <param name="InputNames">The columns the plan was fitted on, in order.</param>
/// <param name="Medians">The fill value per input column.</param>
/// <param name="IndicatorColumns">Input column indexes that get an appended "was missing" column, ascending.</param>
[GenerateSerializer, Immutable, Alias("oh.learning.ImputationPlan")]
public sealed record ImputationPlan(
    [property: Id(0)] IReadOnlyList<string> InputNames,
    [property: Id(1)] IReadOnlyList<double> Medians,
    [property: Id(2)] IReadOnlyList<int> IndicatorColumns)
{
    /// <summary>Suffix of an indicator column's name, so reports and explanations can tell them apart.</summary>
    public const string IndicatorSuffix = " (missing)";

    /// <summary>The inputs, then <c>"{name} (missing)"</c> per indicator column.</summary>
    public IReadOnlyList<string> OutputNames =>
        [.. InputNames, .. IndicatorColumns.Select(c => InputNames[c] + IndicatorSuffix)];

    /// <summary>Width of a transformed row: one value per input plus one per indicator.</summary>
    public int OutputWidth => InputNames.Count + IndicatorColumns.Count;

    /// <summary>Fills one row: NaN becomes the column median; each indicator is 1 when its input was NaN.</summary>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    public void Transform(ReadOnlySpan<float> input, Span<float> output)
    {
        if (input.Length != InputNames.Count)
        {
            throw new ArgumentException($"expected {InputNames.Count} values, got {input.Length}", nameof(input));
        }

        if (output.Length != OutputWidth)
        {
            throw new ArgumentException($"expected room for {OutputWidth} values, got {output.Length}", nameof(output));
        }

        var width = InputNames.Count;
        for (var i = 0; i < width; i++)
        {
            var value = input[i];
            output[i] = float.IsNaN(value) ? (float)Medians[i] : value;
        }

        for (var j = 0; j < IndicatorColumns.Count; j++)
        {
            output[width + j] = float.IsNaN(input[IndicatorColumns[j]]) ? 1f : 0f;
        }
    }

    /// <summary>Fills every row of <paramref name="m"/>, keeping its labels and row ids.</summary>
    /// <exception cref="ArgumentException">The matrix's columns are not the ones the plan was fitted on.</exception>
    public FeatureMatrix Transform(FeatureMatrix m)
    {
        ArgumentNullException.ThrowIfNull(m);
        if (m.Columns != InputNames.Count)
        {
            throw new ArgumentException($"expected {InputNames.Count} columns, got {m.Columns}", nameof(m));
        }

        for (var c = 0; c < m.Columns; c++)
        {
            if (!string.Equals(m.Names[c], InputNames[c], StringComparison.Ordinal))
            {
                throw new ArgumentException($"column {c} is '{m.Names[c]}', but the plan was fitted on '{InputNames[c]}'", nameof(m));
            }
        }

        var width = OutputWidth;
        var values = new float[m.Rows * width];
        for (var r = 0; r < m.Rows; r++)
        {
            Transform(m.Row(r), values.AsSpan(r * width, width));
        }

        return new FeatureMatrix([.. OutputNames], values, m.Labels, m.RowIds);
    }
}
