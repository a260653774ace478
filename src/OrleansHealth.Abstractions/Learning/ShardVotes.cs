namespace OrleansHealth.Learning;

/// <summary>A shard's partial votes for a block of rows: per row the sum of its trees' probabilities, and its tree count.</summary>
[GenerateSerializer, Immutable, Alias("oh.ShardVotes")]
public sealed record ShardVotes(
    [property: Id(0)] double[] Sums,
    [property: Id(1)] int Trees);
