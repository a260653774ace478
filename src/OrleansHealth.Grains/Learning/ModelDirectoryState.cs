namespace OrleansHealth.Grains.Learning;

[GenerateSerializer, Alias("OrleansHealth.Grains.ModelDirectoryState")]
public sealed class ModelDirectoryState
{
    [Id(0)] public SortedSet<string> Models { get; set; } = new(StringComparer.Ordinal);
}
