using System.Security.Cryptography;
using System.Text;

namespace OrleansHealth.Clinical.Identity.Keys;

/// <summary>
/// Turns key material (a phone number, a phonetic code and birth year, an SSN) into an opaque key
/// "prefix:digest", because keys become grain ids and grain ids reach logs and traces. The digest
/// is 80 bits of SHA-256 (or of HMAC-SHA256 under a secret), in lower-case base32.
/// Without a secret the digest of a low-entropy value (a birth date, a phone number) can be found
/// by trying all values: it hides values from casual reading, not from an attacker. Give the
/// deployment a secret when keys are stored or logged where that matters.
/// </summary>
public sealed class KeyHasher
{
    private const int DigestBytes = 10;
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";
    private const int StackLimit = 256;

    private readonly byte[] secret;

    /// <summary>A hasher keyed with <paramref name="secret"/> (HMAC-SHA256); an empty secret means plain SHA-256.</summary>
    public KeyHasher(ReadOnlySpan<byte> secret)
    {
        this.secret = secret.ToArray();
    }

    /// <summary>Plain SHA-256: the same keys in every deployment.</summary>
    public static KeyHasher Unkeyed { get; } = new([]);

    /// <summary>"<paramref name="prefix"/>:" followed by the digest of <paramref name="material"/>.</summary>
    public string Hash(string prefix, ReadOnlySpan<char> material)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var byteCount = Encoding.UTF8.GetByteCount(material);
        Span<byte> bytes = byteCount <= StackLimit ? stackalloc byte[StackLimit] : new byte[byteCount];
        bytes = bytes[..Encoding.UTF8.GetBytes(material, bytes)];

        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        if (secret.Length == 0)
        {
            SHA256.HashData(bytes, digest);
        }
        else
        {
            HMACSHA256.HashData(secret, bytes, digest);
        }

        return Encode(prefix, digest[..DigestBytes]);
    }

    // Base32 of 10 bytes is exactly 16 characters: 5 bits per character, no padding.
    private static string Encode(string prefix, ReadOnlySpan<byte> digest)
    {
        Span<char> text = stackalloc char[prefix.Length + 1 + DigestBytes * 8 / 5];
        prefix.CopyTo(text);
        text[prefix.Length] = ':';
        var position = prefix.Length + 1;
        var buffer = 0;
        var bits = 0;
        foreach (var b in digest)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                text[position++] = Alphabet[(buffer >> bits) & 31];
            }
        }

        return new string(text);
    }
}
