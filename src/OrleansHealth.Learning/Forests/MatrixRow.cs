namespace OrleansHealth.Learning.Forests;

/// <summary>
/// The row shape ML.NET reads through <see cref="MatrixDataView"/>. Its members are public properties
/// because ML.NET builds its column getters by reflection over public members; the vector width is set on
/// the schema at run time, since a <c>[VectorType]</c> attribute would need it at compile time.
/// </summary>
internal sealed class MatrixRow
{
    /// <summary>The binary outcome.</summary>
    public bool Label { get; set; }

    /// <summary>The row's features, one buffer reused for every row of a cursor.</summary>
    public float[] Features { get; set; } = [];
}
