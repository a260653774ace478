using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using OrleansHealth.Silo.Hosting;

namespace OrleansHealth.Silo.Security;

/// <summary>Authentication (JWT bearer) and the role policies of the endpoint groups.</summary>
public static class SecuritySetup
{
    public const string DashboardPath = "/dashboard";

    private const string DashboardCookie = "ohealth_dashboard";
    private const string SelectScheme = "bearer-or-feed-key";

    /// <summary>
    /// Reads <see cref="AuthOptions"/>; refuses to start outside the embedded mode without a signing key or an
    /// authority. Returns the development credentials the embedded mode made up, if it did.
    /// </summary>
    public static DevelopmentCredentials? AddSiloSecurity(this IServiceCollection services, IConfiguration configuration, HostSettings settings)
    {
        var options = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        var signingKey = string.IsNullOrWhiteSpace(options.SigningKey) ? null : options.SigningKey;
        var authority = string.IsNullOrWhiteSpace(options.Authority) ? null : options.Authority;
        DevelopmentCredentials? development = null;
        if (signingKey is not null && Encoding.UTF8.GetByteCount(signingKey) < AuthOptions.MinimumKeyBytes)
        {
            throw new StartupConfigurationException($"{AuthOptions.Section}:SigningKey",
                $"the key is too short; use at least {AuthOptions.MinimumKeyBytes} bytes of random text (for example `openssl rand -base64 48`).");
        }

        if (signingKey is null && authority is null)
        {
            if (settings.Storage != StorageMode.Memory)
            {
                throw new StartupConfigurationException($"{AuthOptions.Section}:SigningKey",
                    "the silo refuses to serve patient data without authentication: set Auth__SigningKey (a shared HS256 key, " +
                    "at least 32 bytes) or Auth__Authority (an OpenID Connect provider).");
            }

            signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
            development = new DevelopmentCredentials(TokenIssuer.Issue(signingKey, options, "developer",
                [Roles.Admin, Roles.Clinician, Roles.Analyst], TimeSpan.FromDays(30)));
        }

        // A request with X-Api-Key is a feed's; anything else presents a bearer token.
        services.AddAuthentication(SelectScheme)
            .AddPolicyScheme(SelectScheme, "bearer token or feed key", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.ContainsKey(FeedKeys.Header) ? FeedKeyAuthenticationHandler.SchemeName : JwtBearerDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, FeedKeyAuthenticationHandler>(FeedKeyAuthenticationHandler.SchemeName, null)
            .AddJwtBearer(jwt => ConfigureBearer(jwt, options, signingKey, authority));
        services.AddAuthorization(authorization =>
        {
            foreach (var (policy, roles) in Policies.RolesOf)
            {
                authorization.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireRole(roles));
            }
        });
        services.AddTransient<IClaimsTransformation, SmartScopes>();
        services.AddSingleton(development ?? new DevelopmentCredentials(null));
        return development;
    }

    private static void ConfigureBearer(JwtBearerOptions jwt, AuthOptions options, string? signingKey, string? authority)
    {
        // Claim names as the token spells them ("role", "sub"), not mapped to .NET's long URIs.
        jwt.MapInboundClaims = false;
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidAudience = options.Audience,
            ValidateIssuer = signingKey is not null,
            ValidIssuer = options.Issuer,
            IssuerSigningKey = signingKey is null ? null : TokenIssuer.Key(signingKey),
            NameClaimType = "sub",
            RoleClaimType = Access.RoleClaim,
            ClockSkew = TimeSpan.FromMinutes(1),
        };
        if (authority is not null)
        {
            jwt.Authority = authority;
            jwt.Audience = options.Audience;
        }

        // A browser cannot set a header on a link: the dashboard also accepts ?access_token=, and then keeps the
        // token in an HttpOnly cookie scoped to /dashboard for the page's own scripts and data requests.
        jwt.Events = new JwtBearerEvents
        {
            OnMessageReceived = context =>
            {
                var request = context.Request;
                if (request.Path.StartsWithSegments(DashboardPath) && request.Headers.Authorization.Count == 0)
                {
                    context.Token = request.Query["access_token"] is [{ } token] ? token
                        : request.Cookies.TryGetValue(DashboardCookie, out var cookie) ? cookie : null;
                }

                return Task.CompletedTask;
            },
            OnTokenValidated = context =>
            {
                if (context.Request.Path.StartsWithSegments(DashboardPath) && context.Request.Query["access_token"] is [{ } token])
                {
                    context.Response.Cookies.Append(DashboardCookie, token, new CookieOptions
                    {
                        HttpOnly = true,
                        SameSite = SameSiteMode.Strict,
                        Secure = context.Request.IsHttps,
                        Path = DashboardPath,
                    });
                }

                return Task.CompletedTask;
            },
        };
    }
}

/// <summary>The token the embedded mode made up when no credentials were configured (null otherwise).</summary>
public sealed record DevelopmentCredentials(string? Token);
