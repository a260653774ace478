using System.Globalization;

namespace OrleansHealth.Learning;

/// <summary>The keys of the learning grains: <c>{model}/v{n}</c> for a version, <c>{model}/v{n}/shard-{k}</c> for a shard.</summary>
public static class ShardKeys
{
    private const string ShardMarker = "/shard-";

    public static string Version(string model, int version) => $"{model}/v{version}";

    public static string Shard(string model, int version, int shard) => $"{Version(model, version)}{ShardMarker}{shard}";

    /// <summary>The shard index in a shard key; 0 when the key has none.</summary>
    public static int IndexOf(string key)
    {
        var at = key.LastIndexOf(ShardMarker, StringComparison.Ordinal);
        return at >= 0 && int.TryParse(key.AsSpan(at + ShardMarker.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : 0;
    }
}
