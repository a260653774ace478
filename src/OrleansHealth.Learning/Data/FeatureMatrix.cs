namespace OrleansHealth.Learning.Data;

/// <summary>
/// A training or scoring table: <see cref="Rows"/> rows of <see cref="Names"/>.Length float features,
/// stored row-major in one array (one allocation, cheap to ship between grains). A missing value is
/// <see cref="float.NaN"/>. <see cref="Labels"/> is the binary outcome per row; <see cref="RowIds"/>
/// the pseudonymous id of the patient each row describes.
/// </summary>
[GenerateSerializer, Alias("oh.learning.FeatureMatrix")]
public sealed class FeatureMatrix
{
    public FeatureMatrix(string[] names, float[] values, bool[] labels, string[] rowIds)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(rowIds);
        if (names.Length == 0 && values.Length > 0)
        {
            throw new ArgumentException("A matrix with values needs at least one column.", nameof(names));
        }

        var rows = names.Length == 0 ? labels.Length : values.Length / names.Length;
        if (names.Length > 0 && values.Length != rows * names.Length)
        {
            throw new ArgumentException($"{values.Length} values do not fill whole rows of {names.Length} columns.", nameof(values));
        }

        if (labels.Length != rows || rowIds.Length != rows)
        {
            throw new ArgumentException($"{rows} rows need {rows} labels and row ids, not {labels.Length} and {rowIds.Length}.");
        }

        Names = names;
        Values = values;
        Labels = labels;
        RowIds = rowIds;
    }

    [Id(0)] public string[] Names { get; }

    [Id(1)] public float[] Values { get; }

    [Id(2)] public bool[] Labels { get; }

    [Id(3)] public string[] RowIds { get; }

    public int Columns => Names.Length;

    public int Rows => Labels.Length;

    public float this[int row, int column] => Values[(row * Columns) + column];

    public ReadOnlySpan<float> Row(int row) => Values.AsSpan(row * Columns, Columns);

    /// <summary>The rows at <paramref name="indexes"/>, in that order, as a new matrix.</summary>
    public FeatureMatrix Select(IReadOnlyList<int> indexes)
    {
        var values = new float[indexes.Count * Columns];
        var labels = new bool[indexes.Count];
        var ids = new string[indexes.Count];
        for (var i = 0; i < indexes.Count; i++)
        {
            Row(indexes[i]).CopyTo(values.AsSpan(i * Columns, Columns));
            labels[i] = Labels[indexes[i]];
            ids[i] = RowIds[indexes[i]];
        }

        return new FeatureMatrix(Names, values, labels, ids);
    }

    /// <summary>The same rows restricted to the columns at <paramref name="columns"/>, in that order.</summary>
    public FeatureMatrix SelectColumns(IReadOnlyList<int> columns)
    {
        var values = new float[Rows * columns.Count];
        for (var r = 0; r < Rows; r++)
        {
            var row = Row(r);
            for (var c = 0; c < columns.Count; c++)
            {
                values[(r * columns.Count) + c] = row[columns[c]];
            }
        }

        return new FeatureMatrix([.. columns.Select(c => Names[c])], values, Labels, RowIds);
    }
}
