using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OrleansHealth.Silo.Security;

/// <summary>
/// Signs HS256 tokens with the shared key: the embedded mode's development token, and tokens for scripts and
/// tests. Production people and applications get theirs from the operator's identity provider.
/// </summary>
public static class TokenIssuer
{
    public static SymmetricSecurityKey Key(string signingKey) => new(Encoding.UTF8.GetBytes(signingKey));

    /// <summary>A token for <paramref name="subject"/> with <paramref name="roles"/> and any further claims (source, patient).</summary>
    public static string Issue(string signingKey, AuthOptions options, string subject, IEnumerable<string> roles,
        TimeSpan lifetime, params (string Type, string Value)[] claims)
    {
        var identity = new ClaimsIdentity(
        [
            new Claim("sub", subject),
            .. roles.Select(role => new Claim(Access.RoleClaim, role)),
            .. claims.Select(c => new Claim(c.Type, c.Value)),
        ]);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = identity,
            Issuer = options.Issuer,
            Audience = options.Audience,
            Expires = DateTime.UtcNow + lifetime,
            SigningCredentials = new SigningCredentials(Key(signingKey), SecurityAlgorithms.HmacSha256),
        });
    }
}
