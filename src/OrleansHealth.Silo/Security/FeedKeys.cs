using System.Security.Cryptography;
using System.Text;
using OrleansHealth.Sources;

namespace OrleansHealth.Silo.Security;

/// <summary>
/// Per-feed API keys: <c>ohk.{sourceId}.{secret}</c>, the secret 256 random bits. The source id in the key tells
/// the silo which feed to ask, so a key is checked with one grain call; only its SHA-256 is stored.
/// </summary>
public static class FeedKeys
{
    public const string Header = "X-Api-Key";
    private const string Prefix = "ohk.";

    public static (string Key, FeedKey Stored) Create(string sourceId, DateTimeOffset now)
    {
        var key = $"{Prefix}{sourceId}.{Base64Url(RandomNumberGenerator.GetBytes(32))}";
        return (key, new FeedKey(Base64Url(RandomNumberGenerator.GetBytes(6)), Hash(key), now));
    }

    /// <summary>The source a key names, or null when it is not shaped like one of ours.</summary>
    public static string? SourceOf(string key)
    {
        if (!key.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var last = key.LastIndexOf('.');
        var source = last > Prefix.Length && last < key.Length - 1 ? key[Prefix.Length..last] : null;
        return SourceIds.IsValid(source) ? source : null;
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
