namespace OrleansHealth.Sources;

/// <summary>
/// An API key of one feed, as stored: its short id (for listing and revoking) and the SHA-256 of the key. The key
/// itself is shown once, when it is made, and kept nowhere. A fast hash suffices: the keys are 256 random bits,
/// not passwords a person chose.
/// </summary>
[GenerateSerializer, Immutable, Alias("oh.FeedKey")]
public sealed record FeedKey(
    [property: Id(0)] string Id,
    [property: Id(1)] string Hash,
    [property: Id(2)] DateTimeOffset CreatedAt);
