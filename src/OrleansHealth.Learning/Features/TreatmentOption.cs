namespace OrleansHealth.Learning.Features;

/// <summary>One candidate treatment: its name and the values it gives the model's treatment features (by feature name).</summary>
[GenerateSerializer, Immutable, Alias("oh.learning.TreatmentOption")]
public sealed record TreatmentOption(
    [property: Id(0)] string Name,
    [property: Id(1)] IReadOnlyDictionary<string, double> Features);
