using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OrleansHealth.Sources;

namespace OrleansHealth.Silo.Security;

/// <summary>
/// Authenticates an upstream feed by its API key (<c>X-Api-Key</c>): the key names its source, the source's
/// grain holds the hashes of its keys. A valid key is a principal with the feed role and that source only.
/// </summary>
public sealed class FeedKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IGrainFactory grains)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "FeedKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Request.Headers[FeedKeys.Header] is not [{ } key])
        {
            return AuthenticateResult.NoResult();
        }

        var source = FeedKeys.SourceOf(key);
        if (source is null || await grains.GetGrain<IDataSourceGrain>(source).FindKeyAsync(FeedKeys.Hash(key)) is not { } keyId)
        {
            // The key itself is never logged or echoed.
            return AuthenticateResult.Fail("unknown or revoked feed key");
        }

        var identity = new ClaimsIdentity(
            [new Claim("sub", $"feed:{source}:{keyId}"), new Claim(Access.RoleClaim, Roles.Feed), new Claim(Access.SourceClaim, source)],
            SchemeName, "sub", Access.RoleClaim);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
