using OrleansHealth.Ingestion;

namespace OrleansHealth.Grains.Ingestion;

[GenerateSerializer, Alias("OrleansHealth.Grains.QuarantineState")]
public sealed class QuarantineState
{
    [Id(0)] public List<QuarantineItem> Items { get; set; } = [];
}
