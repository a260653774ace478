using System.IO.Hashing;
using System.Text;

namespace OrleansHealth.Identity;

/// <summary>Which <see cref="IIdentityBlockPartitionGrain"/> holds a block. Changing the count re-homes every block, so it is fixed.</summary>
public static class IdentityBlocks
{
    public const int PartitionCount = 64;

    public static int PartitionOf(string blockKey) => (int)(XxHash32.HashToUInt32(Encoding.UTF8.GetBytes(blockKey)) % PartitionCount);
}
