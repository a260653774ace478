using Orleans.Runtime.Placement;
using OrleansHealth.Learning;

namespace OrleansHealth.Grains.Learning;

/// <summary>
/// Picks the silo for a shard activation from its index in the key (<c>…/shard-{k}</c>). Only living,
/// compatible silos are offered, so a shard re-activated after its silo died lands on a survivor.
/// </summary>
public sealed class ShardSpreadPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var silos = context.GetCompatibleSilos(target).OrderBy(s => s.ToParsableString(), StringComparer.Ordinal).ToArray();
        var index = ShardKeys.IndexOf(target.GrainIdentity.Key.ToString() ?? "");
        return Task.FromResult(silos[index % silos.Length]);
    }
}
