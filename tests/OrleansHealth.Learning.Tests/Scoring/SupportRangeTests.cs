using OrleansHealth.Learning.Scoring;

namespace OrleansHealth.Learning.Tests.Scoring;

public class SupportRangeTests
{
    /// <summary>
    /// 301 rows of (treated, age, marker): treated rows (r even, 151 of them) have ages 40 + r/2, i.e.
    /// 40..190 in steps of 1; untreated rows (150) have ages 0..149. The marker is r for every row.
    /// </summary>
    private static Data.FeatureMatrix Cover()
    {
        var values = new List<float>();
        for (var r = 0; r <= 300; r++)
        {
            var treated = r % 2 == 0;
            values.AddRange([treated ? 1 : 0, treated ? 40 + (r / 2) : (r - 1) / 2, r]);
        }

        return HandBuilt.Matrix(3, [.. values]);
    }

    [Fact]
    public void PercentilesAreComputedWithinTheGroupOnly()
    {
        var treated = SupportRange.Fit(Cover(), [(0, 1f)]);
        var untreated = SupportRange.Fit(Cover(), [(0, 0f)]);
        var everyone = SupportRange.Fit(Cover(), []);

        Assert.Equal(151, treated.Count);
        Assert.Equal(150, untreated.Count);
        Assert.Equal(301, everyone.Count);

        // Treated ages 40..190 (151 values): p1 at h = 150 · 0.01 = 1.5 → 41.5; p99 at h = 148.5 → 188.5.
        Assert.Equal([1.0, 41.5, 3.0], treated.Low);
        Assert.Equal([1.0, 188.5, 297.0], treated.High);

        // Untreated ages 0..149 (150 values): p1 at h = 149 · 0.01 = 1.49 → 1.49; p99 at h = 147.51 → 147.51.
        // Markers 1, 3, .., 299: 1 + 2 · 1.49 = 3.98 and 1 + 2 · 147.51 = 296.02.
        Assert.Equal(0.0, untreated.Low[0]);
        Assert.Equal(1.49, untreated.Low[1], 12);
        Assert.Equal(147.51, untreated.High[1], 12);
        Assert.Equal(3.98, untreated.Low[2], 12);
        Assert.Equal(296.02, untreated.High[2], 12);

        // Everyone: markers 0..300, p1 = 3, p99 = 297.
        Assert.Equal(3.0, everyone.Low[2]);
        Assert.Equal(297.0, everyone.High[2]);
    }

    [Fact]
    public void OutsideNamesTheColumnsBeyondTheGroupsRangeIgnoringTheOverrideColumns()
    {
        var treated = SupportRange.Fit(Cover(), [(0, 1f)]);
        var untreated = SupportRange.Fit(Cover(), [(0, 0f)]);

        // A 20-year-old untreated patient: inside the untreated data, outside the treated ages.
        float[] young = [0, 20, 150];
        Assert.Empty(untreated.Outside(young));
        Assert.Equal([1], treated.Outside(young)); // column 0 differs from the group's 1 but is the scenario's own column

        // The edges belong to the range; just beyond them does not.
        Assert.Empty(treated.Outside([1, 41.5f, 3]));
        Assert.Empty(treated.Outside([1, 188.5f, 297]));
        Assert.Equal([1, 2], treated.Outside([1, 41.4f, 297.5f]));

        // A NaN value is not inside any range.
        Assert.Equal([2], untreated.Outside([0, 20, float.NaN]));
    }

    [Fact]
    public void AnEmptyGroupHasNoSupportAnywhere()
    {
        var nobody = SupportRange.Fit(Cover(), [(0, 7f)]);

        Assert.Equal(0, nobody.Count);
        Assert.All(nobody.Low, v => Assert.True(double.IsNaN(v)));
        Assert.Equal([1, 2], nobody.Outside([7, 50, 50]));
    }

    [Fact]
    public void BadGroupsAndRowsAreRefused()
    {
        Assert.Contains("outside the row's 3 columns", Assert.Throws<ArgumentException>(() => SupportRange.Fit(Cover(), [(3, 1f)])).Message, StringComparison.Ordinal);
        Assert.Contains("twice", Assert.Throws<ArgumentException>(() => SupportRange.Fit(Cover(), [(0, 1f), (0, 1f)])).Message, StringComparison.Ordinal);
        Assert.Contains("not 2", Assert.Throws<ArgumentException>(() => SupportRange.Fit(Cover(), []).Outside([0f, 0f])).Message, StringComparison.Ordinal);
    }
}
