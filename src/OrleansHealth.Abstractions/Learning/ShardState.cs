namespace OrleansHealth.Learning;

[GenerateSerializer, Alias("oh.ShardState")]
public enum ShardState
{
    /// <summary>Not training and holding no trees: never started, or its silo died and it was re-activated elsewhere.</summary>
    Idle = 0,
    Training = 1,
    Completed = 2,
    Failed = 3,
    Cancelled = 4,
}
