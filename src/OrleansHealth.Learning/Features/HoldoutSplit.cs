using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace OrleansHealth.Learning.Features;

/// <summary>
/// Which patients are held out for evaluation: a stable hash of the pseudonymous id, so the same
/// patient is on the same side in every version and on every silo, and no shard ever sees it.
/// </summary>
public static class HoldoutSplit
{
    public static bool IsHeldOut(string pseudonymousId, int percent) => Bucket(pseudonymousId) < percent;

    /// <summary>0–99, uniform over ids.</summary>
    public static int Bucket(string pseudonymousId)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes("holdout|" + pseudonymousId), hash);
        return (int)(BinaryPrimitives.ReadUInt32LittleEndian(hash) % 100);
    }
}
