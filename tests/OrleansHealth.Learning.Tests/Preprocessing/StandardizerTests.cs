using OrleansHealth.Learning.Preprocessing;

namespace OrleansHealth.Learning.Tests.Preprocessing;

public sealed class StandardizerTests
{
    [Fact]
    public void Fit_UsesMeanAndPopulationStandardDeviation()
    {
        var s = Standardizer.Fit(Matrices.Column([1, 2, 3, 4]));

        Assert.Equal([2.5], s.Means);
        Assert.Equal([Math.Sqrt(1.25)], s.Scales);
    }

    [Fact]
    public void Transform_GivesMeanZeroAndStandardDeviationOne()
    {
        var m = Matrices.Of(["a", "b"], [1, 100, 2, 300, 3, 200, 10, 1000, -4, 50]);
        var s = Standardizer.Fit(m);

        var result = s.Transform(m);

        for (var c = 0; c < 2; c++)
        {
            var column = Enumerable.Range(0, result.Rows).Select(r => (double)result[r, c]).ToArray();
            var mean = column.Average();
            var std = Math.Sqrt(column.Sum(v => (v - mean) * (v - mean)) / column.Length);
            Assert.Equal(0, mean, 6);
            Assert.Equal(1, std, 6);
        }

        Assert.Equal(m.Names, result.Names);
        Assert.Equal(m.RowIds, result.RowIds);
    }

    [Fact]
    public void ConstantColumn_GetsScaleOneAndBecomesZero()
    {
        // 0.1f repeated: a mean computed by summing would not come back exactly to 0.1f.
        var m = Matrices.Of(["const", "x"], [0.1f, 1, 0.1f, 2, 0.1f, 4, 0.1f, 8, 0.1f, 16, 0.1f, 32, 0.1f, 64]);

        var s = Standardizer.Fit(m);
        var result = s.Transform(m);

        Assert.Equal((double)0.1f, s.Means[0]);
        Assert.Equal(1.0, s.Scales[0]);
        Assert.All(Enumerable.Range(0, m.Rows), r => Assert.Equal(0f, result[r, 0]));
    }

    [Fact]
    public void Transform_Span_ComputesZScores()
    {
        var s = new Standardization([10, -2], [4, 0.5]);
        var output = new float[2];

        s.Transform([18, -1], output);

        Assert.Equal([2f, 2f], output);
    }

    [Fact]
    public void Fit_MissingValue_ThrowsNamingTheColumn()
    {
        var m = Matrices.Of(["age", "creatinine"], [1, 2, 3, float.NaN]);

        var ex = Assert.Throws<ArgumentException>(() => Standardizer.Fit(m));

        Assert.Contains("'creatinine'", ex.Message);
    }

    [Fact]
    public void Transform_WrongWidth_Throws()
    {
        var s = new Standardization([0, 0], [1, 1]);

        Assert.Throws<ArgumentException>(() => s.Transform([1, 2, 3], new float[2]));
        Assert.Throws<ArgumentException>(() => s.Transform(Matrices.Column([1])));
    }
}
