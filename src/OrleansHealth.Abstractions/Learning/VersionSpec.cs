using OrleansHealth.Learning.Training;
using OrleansHealth.Learning.Features;

namespace OrleansHealth.Learning;

/// <summary>What a model grain hands a new version: the definition as it is now and the training request.</summary>
[GenerateSerializer, Immutable, Alias("oh.VersionSpec")]
public sealed record VersionSpec(
    [property: Id(0)] string Model,
    [property: Id(1)] int Version,
    [property: Id(2)] ModelDefinition Definition,
    [property: Id(3)] TrainingRequest Request);
