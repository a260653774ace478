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

        if (FeedKeys.SourceOf(key) is not { } source || !await grains.GetGrain<IDataSourceGrain>(source).HasKeyAsync(FeedKeys.Hash(key)))
        {
            // The key itself is never logged or echoed.
            return AuthenticateResult.Fail("unknown or revoked feed key");
        }

        var identity = new ClaimsIdentity(
            [new Claim("sub", $"feed:{source}"), new Claim(Access.RoleClaim, Roles.Feed), new Claim(Access.SourceClaim, source)],
            SchemeName, "sub", Access.RoleClaim);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
