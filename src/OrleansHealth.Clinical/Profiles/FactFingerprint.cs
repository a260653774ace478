using System.Security.Cryptography;
using System.Text.Json;
using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Clinical.Profiles;

/// <summary>
/// A stable digest of a fact's content. A record re-sent unchanged has the same fingerprint (a
/// duplicate); a corrected record with the same id has another (it replaces the old one).
/// </summary>
public static class FactFingerprint
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    public static string Of<TFact>(TFact fact) where TFact : IClinicalFact
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(fact, Options);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(bytes, hash);
        return Convert.ToHexString(hash[..12]);
    }
}
