using System.Security.Cryptography;
using System.Text;

namespace OrleansHealth.Identity;

/// <summary>
/// Keys of the master patient index's claims: a source-local patient id, a person-level identifier.
/// Local ids and identifier values identify patients, so they are hashed: keys are stored and may
/// show up in logs and traces.
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
