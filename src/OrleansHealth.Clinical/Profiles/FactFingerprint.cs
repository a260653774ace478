using System.IO.Hashing;
using System.Text.Json;
using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Clinical.Profiles;

/// <summary>
/// A stable digest of a fact's content. A record re-sent unchanged has the same fingerprint (a
/// duplicate); a corrected record with the same id has another (it replaces the old one). XXH128
/// rather than a cryptographic hash: it only has to tell a source's own re-send from its correction,
/// and it is computed for every record of every ingest (SHA-256 through OpenSSL cost 5 % of the CPU).
/// </summary>
public static class FactFingerprint
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    public static string Of<TFact>(TFact fact) where TFact : IClinicalFact
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(fact, Options);
        Span<byte> hash = stackalloc byte[16];
        XxHash128.Hash(bytes, hash);
        return Convert.ToHexString(hash);
    }
}
