using OrleansHealth.Learning.Evaluation;

namespace OrleansHealth.Learning.Tests.Evaluation;

public sealed class CurvesTests
{
    [Fact]
    public void Short_curves_are_kept_whole()
    {
        var points = Enumerable.Range(0, 101).Select(i => new CurvePoint(i, i, i)).ToArray();

        Assert.Equal(points, Curves.Downsample(points));
    }

    [Fact]
    public void Long_curves_keep_evenly_spaced_points_and_both_ends()
    {
        var points = Enumerable.Range(0, 201).Select(i => new CurvePoint(i, i, i)).ToArray();

        var kept = Curves.Downsample(points);

        Assert.Equal(Enumerable.Range(0, 101).Select(i => (double)(2 * i)), kept.Select(p => p.X));
    }

    [Fact]
    public void A_curve_one_point_too_long_still_ends_at_its_last_point()
    {
        var points = Enumerable.Range(0, 102).Select(i => new CurvePoint(i, i, i)).ToArray();

        var kept = Curves.Downsample(points);

        Assert.Equal(101, kept.Count);
        Assert.Equal(0.0, kept[0].X);
        Assert.Equal(101.0, kept[^1].X);
        Assert.Equal(101, kept.Select(p => p.X).Distinct().Count());
    }
}
