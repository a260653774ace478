namespace OrleansHealth.Learning;

/// <summary>The answer to a training request: the new version, or why none was started.</summary>
[GenerateSerializer, Immutable, Alias("oh.TrainOutcome")]
public sealed record TrainOutcome(
    [property: Id(0)] int? Version,
    [property: Id(1)] IReadOnlyList<string> Problems);
