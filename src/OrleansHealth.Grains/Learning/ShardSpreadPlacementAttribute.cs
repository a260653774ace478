using Orleans.Placement;

namespace OrleansHealth.Grains.Learning;

[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class ShardSpreadPlacementAttribute() : PlacementAttribute(ShardSpreadPlacement.Instance);
