namespace OrleansHealth.Learning.Scoring;

/// <summary>How much one model input moved this patient's probability (tree-path attribution), with the patient's value.</summary>
[GenerateSerializer, Immutable, Alias("oh.learning.Contribution")]
public sealed record Contribution(
    [property: Id(0)] string Feature,
    [property: Id(1)] double? Value,
    [property: Id(2)] double Amount);
