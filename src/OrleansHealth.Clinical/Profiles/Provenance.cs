namespace OrleansHealth.Clinical.Profiles;

/// <summary>
/// Where a value in a profile came from: the source, the record, the time the record asserts it
/// (its own timestamp, else when we received it), and the source's trust rank at the time.
/// </summary>
[GenerateSerializer, Immutable, Alias("oh.Provenance")]
public sealed record Provenance(
    [property: Id(0)] string SourceId,
    [property: Id(1)] string RecordId,
    [property: Id(2)] DateTimeOffset AssertedAt,
    [property: Id(3)] int TrustRank)
{
    /// <summary>The conflict rule: higher trust rank wins; on a tie, the more recent assertion.</summary>
    public bool Outranks(Provenance other) =>
        TrustRank != other.TrustRank ? TrustRank > other.TrustRank : AssertedAt > other.AssertedAt;
}
