using System.Security.Cryptography;
using System.Text;

namespace OrleansHealth.Learning.Features;

/// <summary>
/// The id a patient has outside its own grain (feature partitions, model versions, exports): a keyed
/// hash of the enterprise id, so learning data can be joined per patient but not traced back without
/// the key.
/// </summary>
public sealed class Pseudonyms(byte[] key)
{
    /// <summary>A fixed key for the embedded mode and tests; deployments configure their own.</summary>
    public static Pseudonyms Development { get; } = new("ohealth-development-pseudonym-key"u8.ToArray());

    public string Of(string patientId)
    {
        Span<byte> hash = stackalloc byte[32];
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(patientId), hash);
        return "ps-" + Convert.ToHexStringLower(hash[..12]);
    }
}
