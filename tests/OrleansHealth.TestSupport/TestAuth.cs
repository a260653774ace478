using System.Net.Http.Headers;
using OrleansHealth.Silo.Security;

namespace OrleansHealth.TestSupport;

/// <summary>
/// Credentials for silos started by tests and benchmarks: one fixed signing key, and tokens signed with it.
/// Test silos are configured with <see cref="SigningKey"/> (<see cref="Settings"/>, <see cref="Environment"/>),
/// so their clients present real tokens through the real authentication, never a bypass.
/// </summary>
public static class TestAuth
{
    public const string SigningKey = "orleans-health-tests-only-signing-key-not-a-secret";

    public static readonly IReadOnlyList<string> EveryRole = [Roles.Admin, Roles.Clinician, Roles.Analyst];

    /// <summary>The pseudonym HMAC key of test silos (required outside the embedded mode, like the signing key).</summary>
    public const string PseudonymKey = "orleans-health-tests-only-pseudonym-key-not-a-secret";

    /// <summary>The signing and pseudonym keys as configuration keys (for an in-process silo).</summary>
    public static IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        [$"{AuthOptions.Section}:SigningKey"] = SigningKey,
        ["Privacy:PseudonymKey"] = PseudonymKey,
    };

    /// <summary>The same as environment variables (for a silo process or deploy/local/cluster.sh).</summary>
    public static IReadOnlyDictionary<string, string?> Environment { get; } = Settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);

    /// <summary>A token with <paramref name="roles"/> (default: admin, clinician and analyst) and further claims, valid for a day.</summary>
    public static string Token(IEnumerable<string>? roles = null, params (string Type, string Value)[] claims) =>
        TokenFor("test", roles ?? EveryRole, claims);

    /// <summary>A token for the person or application <paramref name="subject"/> (its <c>sub</c>, as audit events name it).</summary>
    public static string TokenFor(string subject, IEnumerable<string> roles, params (string Type, string Value)[] claims) =>
        TokenIssuer.Issue(SigningKey, new AuthOptions(), subject, roles, TimeSpan.FromDays(1), claims);

    /// <summary>A client that sends <paramref name="token"/> (default: every role but feed) with each request.</summary>
    public static HttpClient Client(Uri? baseAddress = null, TimeSpan? timeout = null, string? token = null, HttpMessageHandler? handler = null)
    {
        var client = handler is null ? new HttpClient() : new HttpClient(handler);
        client.BaseAddress = baseAddress;
        client.Timeout = timeout ?? TimeSpan.FromSeconds(100);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token ?? Token());
        return client;
    }
}
