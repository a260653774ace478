using OrleansHealth.Identity;

namespace OrleansHealth.Grains.Identity;

[GenerateSerializer, Alias("OrleansHealth.Grains.IdentityBlockState")]
public sealed class IdentityBlockState
{
    [Id(0)] public List<IdentityCandidate> Members { get; set; } = [];
}
