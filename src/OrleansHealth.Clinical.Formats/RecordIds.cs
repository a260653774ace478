using System.Security.Cryptography;

namespace OrleansHealth.Clinical.Formats;

/// <summary>Stable record ids for records that carry no id of their own: the same bytes give the same id.</summary>
internal static class RecordIds
{
    public static string Hashed(string prefix, ReadOnlySpan<byte> content)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(content, hash);
        return $"{prefix}/sha256:{Convert.ToHexStringLower(hash)}";
    }
}
