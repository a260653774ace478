using System.Security.Cryptography;
using System.Text;

namespace OrleansHealth.Identity;

/// <summary>
/// Keys of <see cref="IIdentityClaimGrain"/>. Local ids and identifier values are patient
/// identifiers, so they are hashed: grain keys show up in logs, traces and the dashboard.
/// </summary>
public static class IdentityKeys
{
    public static string Link(string sourceId, string localId) => $"link:{sourceId}|{Digest(localId)}";

    public static string Identifier(string system, string value) => $"id:{Digest($"{system}|{value}")}";

    private static string Digest(string text)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return Convert.ToHexString(hash[..16]).ToLowerInvariant();
    }
}
