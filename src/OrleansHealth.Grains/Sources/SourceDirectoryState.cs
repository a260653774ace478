namespace OrleansHealth.Grains.Sources;

[GenerateSerializer, Alias("OrleansHealth.Grains.SourceDirectoryState")]
public sealed class SourceDirectoryState
{
    [Id(0)] public SortedSet<string> SourceIds { get; set; } = new(StringComparer.Ordinal);
}
