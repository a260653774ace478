using OrleansHealth.Learning.Features;

namespace OrleansHealth.Learning;

/// <summary>A model as the registry holds it: the current definition, its versions and the active one.</summary>
[GenerateSerializer, Immutable, Alias("oh.ModelDetails")]
public sealed record ModelDetails(
    [property: Id(0)] string Name,
    [property: Id(1)] ModelDefinition Definition,
    [property: Id(2)] int DefinitionRevision,
    [property: Id(3)] IReadOnlyList<VersionSummary> Versions,
    [property: Id(4)] int? ActiveVersion);
