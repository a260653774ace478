using OrleansHealth.Clinical.Quality;

namespace OrleansHealth.Clinical.Tests.Quality;

public sealed class IntakeHistoryTests
{
    private static readonly DateTimeOffset Nine = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private static IngestTally Tally(DateTimeOffset at, int accepted = 0, int duplicates = 0, int rejected = 0) =>
        new(accepted + duplicates + rejected, accepted, duplicates, rejected, 0,
            new Dictionary<string, int>(), new Dictionary<string, int>(), new Dictionary<string, int>(), [], at);

    [Fact]
    public void Add_TalliesOfOneMinute_SumIntoOneBucketAtTheMinutesStart()
    {
        var history = new IntakeHistory();

        history.Add(Tally(Nine.AddSeconds(5), accepted: 3, rejected: 1));
        history.Add(Tally(Nine.AddSeconds(59), accepted: 2, duplicates: 4));

        var bucket = Assert.Single(history.Buckets);
        Assert.Equal(new IntakeBucket(Nine, 10, 5, 4, 1), bucket);
    }

    [Fact]
    public void Add_TallyInAnotherTimeZone_IsBucketedByItsUtcMinute()
    {
        var history = new IntakeHistory();

        history.Add(Tally(new DateTimeOffset(2026, 11, 30, 10, 0, 30, TimeSpan.FromHours(1)), accepted: 1));

        Assert.Equal(Nine, Assert.Single(history.Buckets).Minute);
        Assert.Equal(TimeSpan.Zero, history.Buckets[0].Minute.Offset);
    }

    [Fact]
    public void Add_EarlierMinuteAfterLater_KeepsBucketsInTimeOrder()
    {
        var history = new IntakeHistory();

        history.Add(Tally(Nine.AddMinutes(5), rejected: 1));
        history.Add(Tally(Nine, duplicates: 1));
        history.Add(Tally(Nine.AddMinutes(5), rejected: 2));

        Assert.Equal([Nine, Nine.AddMinutes(5)], history.Buckets.Select(b => b.Minute));
        Assert.Equal(3, history.Buckets[1].Rejected);
    }

    [Fact]
    public void Add_MoreMinutesThanKept_DropsTheOldest()
    {
        var history = new IntakeHistory();

        for (var m = 0; m < IntakeHistory.MaxBuckets + 10; m++)
        {
            history.Add(Tally(Nine.AddMinutes(m), accepted: 1));
        }

        Assert.Equal(IntakeHistory.MaxBuckets, history.Buckets.Count);
        Assert.Equal(Nine.AddMinutes(10), history.Buckets[0].Minute);
        Assert.Equal(Nine.AddMinutes(IntakeHistory.MaxBuckets + 9), history.Buckets[^1].Minute);
    }

    [Fact]
    public void SourceQuality_Add_RecordsTheTallyInItsHistory()
    {
        var quality = new SourceQuality();

        quality.Add(Tally(Nine, accepted: 7, duplicates: 2));

        Assert.Equal(new IntakeBucket(Nine, 9, 7, 2, 0), Assert.Single(quality.History.Buckets));
    }
}
