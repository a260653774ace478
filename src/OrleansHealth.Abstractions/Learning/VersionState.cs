namespace OrleansHealth.Learning;

[GenerateSerializer, Alias("oh.VersionState")]
public enum VersionState
{
    Training = 0,
    Evaluating = 1,
    Completed = 2,
    Failed = 3,
    Cancelled = 4,
}
