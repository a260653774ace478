namespace OrleansHealth.Silo.Security;

/// <summary>
/// How callers prove who they are (section <c>Auth</c>): JWT bearer tokens, signed either with a shared key
/// (<see cref="SigningKey"/>, HS256) or by an OpenID Connect provider (<see cref="Authority"/>). Outside the
/// embedded mode one of the two is required; the embedded mode without either makes a development key.
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>The least key length HS256 allows: 256 bits.</summary>
    public const int MinimumKeyBytes = 32;

    /// <summary>Shared HS256 signing key, at least 32 bytes of UTF-8 text. Keep it in a secret store.</summary>
    public string? SigningKey { get; set; }

    /// <summary>An OpenID Connect authority whose published keys sign the tokens (for example a Keycloak realm's URL).</summary>
    public string? Authority { get; set; }

    /// <summary>The <c>iss</c> tokens signed with <see cref="SigningKey"/> must carry.</summary>
    public string Issuer { get; set; } = "orleans-health";

    /// <summary>The <c>aud</c> every token must carry.</summary>
    public string Audience { get; set; } = "orleans-health";
}
