namespace OrleansHealth.Learning.Scoring;

/// <summary>
/// One patient's risk from a model version, with the explanation: <see cref="BaseValue"/> plus the sum
/// of every contribution equals <see cref="Probability"/>. <see cref="Contributions"/> is ordered by
/// size, largest first.
/// </summary>
[GenerateSerializer, Immutable, Alias("oh.learning.Prediction")]
public sealed record Prediction(
    [property: Id(0)] string Model,
    [property: Id(1)] int Version,
    [property: Id(2)] double Probability,
    [property: Id(3)] double BaseValue,
    [property: Id(4)] IReadOnlyList<InputValue> Features,
    [property: Id(5)] IReadOnlyList<Contribution> Contributions);
