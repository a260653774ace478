using OrleansHealth.Identity;

namespace OrleansHealth.Grains.Identity;

[GenerateSerializer, Alias("OrleansHealth.Grains.ReviewQueueState")]
public sealed class ReviewQueueState
{
    [Id(0)] public List<ReviewItem> Items { get; set; } = [];
}
