using OrleansHealth.Learning.Features;

namespace OrleansHealth.Grains.Learning;

[GenerateSerializer, Alias("oh.FeaturePartitionState")]
public sealed class FeaturePartitionState
{
    /// <summary>Timelines by pseudonymous id.</summary>
    [Id(0)] public Dictionary<string, ClinicalTimeline> Timelines { get; set; } = new(StringComparer.Ordinal);
}
