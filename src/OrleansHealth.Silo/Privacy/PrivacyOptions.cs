namespace OrleansHealth.Silo.Privacy;

/// <summary>How patients are pseudonymised outside their own grains (section <c>Privacy</c>).</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>The least HMAC key length accepted: 256 bits.</summary>
    public const int MinimumKeyBytes = 32;

    /// <summary>
    /// The HMAC-SHA256 key of the pseudonymous ids in feature partitions, model versions and exports, at least 32
    /// bytes of random text. Every silo of a cluster needs the same key, and it must stay the same for the life of
    /// the data: a new key gives every patient a new pseudonym (docs/security.md, "De-identification").
    /// </summary>
    public string? PseudonymKey { get; set; }
}
