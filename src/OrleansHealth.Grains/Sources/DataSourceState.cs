using OrleansHealth.Clinical.Quality;
using OrleansHealth.Sources;

namespace OrleansHealth.Grains.Sources;

[GenerateSerializer, Alias("OrleansHealth.Grains.DataSourceState")]
public sealed class DataSourceState
{
    [Id(0)] public SourceRegistration? Registration { get; set; }

    [Id(1)] public DateTimeOffset RegisteredAt { get; set; }

    [Id(2)] public DateTimeOffset UpdatedAt { get; set; }

    [Id(3)] public SourceQuality Quality { get; set; } = new();

    [Id(4)] public List<FeedKey> Keys { get; set; } = [];
}
