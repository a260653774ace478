namespace OrleansHealth.Clinical.Quality;

/// <summary>
/// A source's counters per minute, so that operators see when duplicates or rejects started rather than
/// only a lifetime rate. Only minutes in which something arrived are kept, and only the most recent
/// <see cref="MaxBuckets"/> of them (a day of continuous traffic), which bounds the grain's state however
/// long the source lives.
/// </summary>
[GenerateSerializer, Alias("oh.IntakeHistory")]
public sealed class IntakeHistory
{
    public const int MaxBuckets = 1440;

    // Oldest first; tallies arrive in time order per source, so a new one lands in the last bucket or after it.
    [Id(0)] private List<IntakeBucket> buckets = [];

    public IReadOnlyList<IntakeBucket> Buckets => buckets;

    public void Add(IngestTally tally)
    {
        ArgumentNullException.ThrowIfNull(tally);
        var minute = MinuteOf(tally.At);
        var index = buckets.FindLastIndex(b => b.Minute <= minute);
        if (index >= 0 && buckets[index].Minute == minute)
        {
            var b = buckets[index];
            buckets[index] = b with
            {
                Received = b.Received + tally.Received,
                Accepted = b.Accepted + tally.Accepted,
                Duplicates = b.Duplicates + tally.Duplicates,
                Rejected = b.Rejected + tally.Rejected,
            };
            return;
        }

        // A tally from a clock that stepped back still gets its own minute, in order.
        buckets.Insert(index + 1, new IntakeBucket(minute, tally.Received, tally.Accepted, tally.Duplicates, tally.Rejected));
        if (buckets.Count > MaxBuckets)
        {
            buckets.RemoveRange(0, buckets.Count - MaxBuckets);
        }
    }

    private static DateTimeOffset MinuteOf(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
    }
}
