using OrleansHealth.Learning.Data;

namespace OrleansHealth.Learning.Tests.Training;

public sealed class FeatureMatrixTests
{
    /// <summary>Three patients × (age, hba1c, bmi).</summary>
    private static FeatureMatrix Sample() => new(
        ["age", "hba1c", "bmi"],
        [50, 5.6f, 28, 61, 6.2f, float.NaN, 44, 5.1f, 35],
        [false, true, false],
        ["ps-a", "ps-b", "ps-c"]);

    [Fact]
    public void Constructor_WholeRows_ExposesShapeAndValues()
    {
        var m = Sample();

        Assert.Equal(3, m.Rows);
        Assert.Equal(3, m.Columns);
        Assert.Equal(6.2f, m[1, 1]);
        Assert.True(float.IsNaN(m[1, 2]));
        Assert.Equal(35f, m[2, 2]);
    }

    [Fact]
    public void Constructor_ValuesNotFillingWholeRows_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new FeatureMatrix(["a", "b"], [1, 2, 3], [false, true], ["p0", "p1"]));

        Assert.Equal("values", e.ParamName);
        Assert.StartsWith("3 values do not fill whole rows of 2 columns.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_ValuesWithoutColumns_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new FeatureMatrix([], [1], [false], ["p0"]));

        Assert.Equal("names", e.ParamName);
    }

    [Theory]
    [InlineData(1, 2, "2 rows need 2 labels and row ids, not 1 and 2.")]
    [InlineData(2, 3, "2 rows need 2 labels and row ids, not 2 and 3.")]
    public void Constructor_LabelsOrRowIdsOfWrongLength_Throws(int labels, int ids, string message)
    {
        var e = Assert.Throws<ArgumentException>(() => new FeatureMatrix(["a"], [1, 2], new bool[labels], [.. Enumerable.Range(0, ids).Select(i => $"p{i}")]));

        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Constructor_NullArgument_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new FeatureMatrix(null!, [], [], []));
        Assert.Throws<ArgumentNullException>(() => new FeatureMatrix([], null!, [], []));
        Assert.Throws<ArgumentNullException>(() => new FeatureMatrix([], [], null!, []));
        Assert.Throws<ArgumentNullException>(() => new FeatureMatrix([], [], [], null!));
    }

    [Fact]
    public void Constructor_NoColumns_TakesTheRowCountFromTheLabels()
    {
        var m = new FeatureMatrix([], [], [true, false], ["p0", "p1"]);

        Assert.Equal(2, m.Rows);
        Assert.Equal(0, m.Columns);
        Assert.True(m.Row(1).IsEmpty);
    }

    [Fact]
    public void Constructor_Empty_HasNoRows()
    {
        var m = new FeatureMatrix(["a", "b"], [], [], []);

        Assert.Equal(0, m.Rows);
        Assert.Equal(2, m.Columns);
    }

    [Fact]
    public void Row_ReturnsThatRowsValues() =>
        Assert.Equal([61f, 6.2f, float.NaN], Sample().Row(1).ToArray());

    [Fact]
    public void Select_Indexes_TakesRowsLabelsAndIdsInThatOrderWithRepeats()
    {
        var m = Sample().Select([2, 0, 2]);

        Assert.Equal(["age", "hba1c", "bmi"], m.Names);
        Assert.Equal([44f, 5.1f, 35f, 50f, 5.6f, 28f, 44f, 5.1f, 35f], m.Values);
        Assert.Equal([false, false, false], m.Labels);
        Assert.Equal(["ps-c", "ps-a", "ps-c"], m.RowIds);
    }

    [Fact]
    public void Select_NoIndexes_IsEmptyWithTheSameColumns()
    {
        var m = Sample().Select([]);

        Assert.Equal(0, m.Rows);
        Assert.Equal(["age", "hba1c", "bmi"], m.Names);
    }

    [Fact]
    public void Select_DoesNotShareValuesWithTheSource()
    {
        var source = Sample();
        var copy = source.Select([0]);

        copy.Values[0] = -1;

        Assert.Equal(50f, source[0, 0]);
    }

    [Fact]
    public void SelectColumns_Indexes_KeepsRowsAndReordersColumns()
    {
        var m = Sample().SelectColumns([2, 0]);

        Assert.Equal(["bmi", "age"], m.Names);
        Assert.Equal([28f, 50f, float.NaN, 61f, 35f, 44f], m.Values);
        Assert.Equal([false, true, false], m.Labels);
        Assert.Equal(["ps-a", "ps-b", "ps-c"], m.RowIds);
    }

    [Fact]
    public void SelectColumns_NoColumns_KeepsTheRows()
    {
        var m = Sample().SelectColumns([]);

        Assert.Equal(3, m.Rows);
        Assert.Equal(0, m.Columns);
    }

    [Fact]
    public void FeatureMatrices_Concat_StacksRowsInOrder()
    {
        var first = Sample();
        var second = new FeatureMatrix(["age", "hba1c", "bmi"], [70, 6.4f, 31], [true], ["ps-d"]);

        var m = FeatureMatrices.Concat([first, second, first.Select([])]);

        Assert.Equal(4, m.Rows);
        Assert.Equal(["age", "hba1c", "bmi"], m.Names);
        Assert.Equal([.. first.Values, 70f, 6.4f, 31f], m.Values);
        Assert.Equal([false, true, false, true], m.Labels);
        Assert.Equal(["ps-a", "ps-b", "ps-c", "ps-d"], m.RowIds);
    }

    [Fact]
    public void FeatureMatrices_ConcatOfOne_EqualsThatMatrix()
    {
        var m = FeatureMatrices.Concat([Sample()]);

        Assert.Equal(Sample().Values, m.Values);
        Assert.Equal(Sample().RowIds, m.RowIds);
    }

    [Theory]
    [InlineData("age", "bmi", "hba1c")]
    [InlineData("age", "hba1c")]
    [InlineData("age", "HbA1c", "bmi")]
    public void FeatureMatrices_ConcatWithDifferentColumns_Throws(params string[] names)
    {
        var other = new FeatureMatrix(names, new float[names.Length], [true], ["ps-d"]);

        var e = Assert.Throws<ArgumentException>(() => FeatureMatrices.Concat([Sample(), other]));

        Assert.Equal("parts", e.ParamName);
        Assert.StartsWith("Every part must have the same columns in the same order.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FeatureMatrices_ConcatOfNothing_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => FeatureMatrices.Concat([]));
}
