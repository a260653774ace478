namespace OrleansHealth.Learning.Features;

/// <summary>How the values of an observation code inside a window become one number.</summary>
[GenerateSerializer, Alias("oh.learning.Aggregate")]
public enum Aggregate
{
    Latest = 0,
    Mean = 1,
    Min = 2,
    Max = 3,
    Count = 4,
}
