using OrleansHealth.Learning.Data;

namespace OrleansHealth.Learning.Preprocessing;

/// <summary>
/// Per-column centring and scaling for the linear baseline: its regularisation and learning rate
/// treat all weights alike, which is only fair when the inputs share a scale (age in years and
/// creatinine in µmol/L do not). Trees split on thresholds and do not need it. Stored with the
/// model version so scoring scales a row exactly as training did.
/// </summary>
/// <param name="Means">Training mean per column.</param>
/// <param name="Scales">Training population standard deviation per column; 1 for a constant column, which so maps to 0.</param>
[GenerateSerializer, Immutable, Alias("oh.learning.Standardization")]
public sealed record Standardization(
    [property: Id(0)] IReadOnlyList<double> Means,
    [property: Id(1)] IReadOnlyList<double> Scales)
{
    /// <summary>Number of columns the standardisation was fitted on.</summary>
    public int Width => Means.Count;

    /// <summary>
    /// Writes <c>(x − mean) / scale</c> per column. <paramref name="input"/> and <paramref name="output"/>
    /// may be the same memory: each value is read before its slot is written.
    /// </summary>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    public void Transform(ReadOnlySpan<float> input, Span<float> output)
    {
        if (input.Length != Width)
        {
            throw new ArgumentException($"expected {Width} values, got {input.Length}", nameof(input));
        }

        if (output.Length != Width)
        {
            throw new ArgumentException($"expected room for {Width} values, got {output.Length}", nameof(output));
        }

        for (var i = 0; i < Width; i++)
        {
            output[i] = (float)((input[i] - Means[i]) / Scales[i]);
        }
    }

    /// <summary>Standardises every row of <paramref name="m"/>, keeping its names, labels and row ids.</summary>
    /// <exception cref="ArgumentException">The matrix has the wrong number of columns.</exception>
    public FeatureMatrix Transform(FeatureMatrix m)
    {
        ArgumentNullException.ThrowIfNull(m);
        if (m.Columns != Width)
        {
            throw new ArgumentException($"expected {Width} columns, got {m.Columns}", nameof(m));
        }

        var values = new float[m.Values.Length];
        for (var r = 0; r < m.Rows; r++)
        {
            Transform(m.Row(r), values.AsSpan(r * Width, Width));
        }

        return new FeatureMatrix(m.Names, values, m.Labels, m.RowIds);
    }
}
