using OrleansHealth.Learning.Forests;

namespace OrleansHealth.Grains.Learning;

/// <summary>A shard's finished work: the task it was for and its trees. Nothing is stored while it trains.</summary>
[GenerateSerializer, Alias("oh.ForestShardState")]
public sealed class ForestShardState
{
    [Id(0)] public string? Fingerprint { get; set; }

    [Id(1)] public Forest? Forest { get; set; }

    [Id(2)] public DateTimeOffset? StartedAt { get; set; }

    [Id(3)] public DateTimeOffset? FinishedAt { get; set; }

    [Id(4)] public string? Silo { get; set; }
}
