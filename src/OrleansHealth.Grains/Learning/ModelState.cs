using OrleansHealth.Learning;
using OrleansHealth.Learning.Features;

namespace OrleansHealth.Grains.Learning;

[GenerateSerializer, Alias("oh.ModelState")]
public sealed class ModelState
{
    [Id(0)] public ModelDefinition? Definition { get; set; }

    [Id(1)] public int Revision { get; set; }

    [Id(2)] public int NextVersion { get; set; } = 1;

    [Id(3)] public SortedDictionary<int, VersionSummary> Versions { get; set; } = [];

    [Id(4)] public int? Active { get; set; }
}
