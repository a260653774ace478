using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace OrleansHealth.Learning.Features;

/// <summary>
/// Which feature partition holds a patient's timeline. The count is fixed for the life of a cluster:
/// changing it would move every patient, so it is a constant, not a setting.
/// </summary>
public static class FeaturePartitions
{
    public const int Count = 64;

    public static int Of(string pseudonymousId)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes("partition|" + pseudonymousId), hash);
        return (int)(BinaryPrimitives.ReadUInt32LittleEndian(hash) % Count);
    }
}
