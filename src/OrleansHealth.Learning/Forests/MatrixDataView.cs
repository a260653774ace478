using Microsoft.ML;
using Microsoft.ML.Data;
using OrleansHealth.Learning.Data;

namespace OrleansHealth.Learning.Forests;

/// <summary>
/// A <see cref="FeatureMatrix"/> as an ML.NET <see cref="IDataView"/> with a boolean <c>Label</c> and a
/// float vector <c>Features</c> of the matrix width. Rows are streamed from the matrix through one reused
/// buffer per cursor, so a 100,000-row shard costs no per-row allocation and no second copy of the matrix
/// (ML.NET copies each row out of the buffer as it reads it, and trainers bin or cache what they keep).
/// </summary>
internal static class MatrixDataView
{
    public const string Label = nameof(MatrixRow.Label);
    public const string Features = nameof(MatrixRow.Features);

    /// <summary>The matrix as a data view; ML.NET may open several cursors, each gets its own buffer.</summary>
    public static IDataView Create(MLContext ml, FeatureMatrix matrix)
    {
        var schema = SchemaDefinition.Create(typeof(MatrixRow));
        schema[Features].ColumnType = new VectorDataViewType(NumberDataViewType.Single, matrix.Columns);
        return ml.Data.LoadFromEnumerable(new MatrixRows(matrix), schema);
    }

    /// <summary>Re-enumerable: each enumeration walks the matrix again with a fresh buffer.</summary>
    private sealed class MatrixRows(FeatureMatrix matrix) : IEnumerable<MatrixRow>
    {
        public IEnumerator<MatrixRow> GetEnumerator()
        {
            var row = new MatrixRow { Features = new float[matrix.Columns] };
            for (var r = 0; r < matrix.Rows; r++)
            {
                matrix.Row(r).CopyTo(row.Features);
                row.Label = matrix.Labels[r];
                yield return row;
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
