using OrleansHealth.Cluster;
using OrleansHealth.Grains.Cluster;

namespace OrleansHealth.Grains.Tests.Cluster;

public sealed class ActivitySeriesTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private static ActivitySample At(double seconds, long records, long predictions) =>
        new("silo-a", "10.0.0.1:11111@1", Start.AddSeconds(seconds), records, predictions);

    [Fact]
    public void BeforeTwoReports_RatesAreZero_AndThereIsNoSeries()
    {
        var series = new ActivitySeries();
        Assert.Null(series.Describe());

        series.Add(At(0, 100, 10));

        var silo = series.Describe()!;
        Assert.Equal((0, 0, 100, 10), (silo.RecordsPerSecond, silo.PredictionsPerSecond, silo.Records, silo.Predictions));
        Assert.Empty(silo.Series);
    }

    [Fact]
    public void Series_HasEachIntervalsRate_StampedWithItsEnd()
    {
        var series = new ActivitySeries();
        series.Add(At(0, 0, 0));
        series.Add(At(5, 50, 5));
        series.Add(At(10, 150, 5));

        Assert.Equal([new ActivityRate(Start.AddSeconds(5), 10, 1), new ActivityRate(Start.AddSeconds(10), 20, 0)], series.Series());
    }

    [Fact]
    public void Current_IsTheRateOverTheLastThirtySeconds()
    {
        var series = new ActivitySeries();
        series.Add(At(0, 0, 0));
        series.Add(At(10, 1000, 0));
        for (var t = 15; t <= 45; t += 5)
        {
            series.Add(At(t, 1000 + ((t - 10) * 2), t - 15));
        }

        // Window [15 s, 45 s]: 60 records and 30 predictions in 30 s; the burst before it is out.
        Assert.Equal(new ActivityRate(Start.AddSeconds(45), 2, 1), series.Current());
    }

    /// <summary>A long gap leaves only the last two reports in the window; a count below the last one is a restart, counted from zero.</summary>
    [Theory]
    [InlineData(0, 0, 60, 120, 60, 2, 1)]
    [InlineData(500, 50, 5, 25, 5, 5, 1)]
    public void Current_OfTwoReports_IsTheirIncreaseOverTheirGap(long records, long predictions, double seconds, long laterRecords, long laterPredictions,
        double recordsPerSecond, double predictionsPerSecond)
    {
        var series = new ActivitySeries();
        series.Add(At(0, records, predictions));
        series.Add(At(seconds, laterRecords, laterPredictions));

        Assert.Equal(new ActivityRate(Start.AddSeconds(seconds), recordsPerSecond, predictionsPerSecond), series.Current());
    }

    [Fact]
    public void AReportNotLaterThanTheLast_IsIgnored_AndOnlyTheCapacityIsKept()
    {
        var series = new ActivitySeries(capacity: 3);
        Assert.True(series.Add(At(0, 0, 0)));
        Assert.True(series.Add(At(5, 10, 0)));
        Assert.False(series.Add(At(5, 99, 0)));
        Assert.False(series.Add(At(1, 99, 0)));
        series.Add(At(10, 20, 0));
        series.Add(At(15, 30, 0));

        Assert.Equal([Start.AddSeconds(10), Start.AddSeconds(15)], series.Series().Select(r => r.At));
        Assert.Equal(30, series.Last!.Records);
    }
}
