using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using OrleansHealth.Silo.Security;

namespace OrleansHealth.Silo.Tests.Api;

/// <summary>
/// Who may call what, through the real JWT bearer authentication of a running silo: each role's allowed and
/// refused routes, a feed pushing to another feed's source, a clinician restricted to some patients, SMART
/// scopes, and tokens that must not get in (none, wrong key, expired, wrong audience).
/// </summary>
[Collection(EmbeddedSiloCollection.Name)]
public sealed class AuthorizationTests(EmbeddedSiloFixture fixture) : IAsyncLifetime
{
    private const string Source = "auth-feed";
    private const string OtherSource = "auth-other";
    private string _patient = "";

    public async Task InitializeAsync()
    {
        foreach (var source in new[] { Source, OtherSource })
        {
            using var registered = await fixture.Http.PutAsJsonAsync($"/api/sources/{source}", new { name = source, format = "fhir-ndjson", trustRank = 50 });
            registered.EnsureSuccessStatusCode();
        }

        using var sent = await fixture.Http.PostAsync($"/api/sources/{Source}/records", Ndjson("""{"resourceType":"Patient","id":"auth-p1","name":[{"family":"Ekdahl","given":["Maj"]}],"birthDate":"1961-04-02"}"""));
        sent.EnsureSuccessStatusCode();
        var link = JsonDocument.Parse(await fixture.Http.GetStringAsync($"/api/patients?source={Source}&localId=auth-p1")).RootElement;
        _patient = link.GetProperty("patientId").GetString()!;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>(roles, method, path): the status class each role gets. "ok" means the route let it in (any status but 401/403).</summary>
    public static TheoryData<string, string, string, string> Routes => new()
    {
        { "feed", "POST", $"/api/sources/{Source}/records", "ok" },
        { "feed", "POST", $"/api/sources/{OtherSource}/records", "403" },
        { "feed", "GET", "/api/sources", "403" },
        { "feed", "GET", "/api/patients/{patient}", "403" },
        { "clinician", "GET", "/api/patients/{patient}", "ok" },
        { "clinician", "GET", $"/api/patients?source={Source}&localId=auth-p1", "ok" },
        { "clinician", "GET", "/api/patients/{patient}/predictions/no-model", "ok" },
        { "clinician", "GET", "/api/patients/{patient}/explanations/no-model", "ok" },
        { "clinician", "GET", "/api/patients/{patient}/treatments/no-model", "ok" },
        { "clinician", "POST", $"/api/sources/{Source}/records", "403" },
        { "clinician", "GET", "/api/sources", "403" },
        { "clinician", "PUT", "/api/models/auth-model", "403" },
        { "clinician", "POST", "/api/models/auth-model/versions/1/promote", "403" },
        { "analyst", "PUT", "/api/models/auth-model", "ok" },
        { "analyst", "GET", "/api/models/auth-model", "ok" },
        { "analyst", "POST", "/api/models/auth-model/versions", "ok" },
        { "analyst", "GET", "/api/patients/{patient}", "403" },
        { "analyst", "POST", "/api/models/auth-model/versions/1/promote", "403" },
        { "analyst", "GET", $"/api/sources/{Source}/quarantine", "403" },
        { "admin", "GET", "/api/sources", "ok" },
        { "admin", "PUT", $"/api/sources/{OtherSource}", "ok" },
        { "admin", "GET", $"/api/sources/{Source}/quarantine", "ok" },
        { "admin", "GET", $"/api/sources/{Source}/review", "ok" },
        { "admin", "POST", "/api/models/auth-model/versions/1/promote", "ok" },
        { "admin", "GET", "/api/cluster", "ok" },
        { "admin", "POST", $"/api/sources/{OtherSource}/records", "ok" },
        { "admin", "GET", "/api/patients/{patient}", "403" },
        { "admin", "GET", "/dashboard/", "ok" },
        { "clinician", "GET", "/dashboard/", "403" },
        { "clinician", "GET", "/api/patients/search?name=Lind", "ok" },
        { "analyst", "GET", "/api/patients/search?name=Lind", "403" },
        { "clinician", "GET", "/api/models", "ok" },
        { "analyst", "GET", "/api/models", "ok" },
        { "admin", "GET", "/api/models", "ok" },
        { "feed", "GET", "/api/models", "403" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task EachRole_ReachesItsRoutes_AndIsRefusedTheOthers(string role, string method, string path, string expected)
    {
        var claims = role == Roles.Feed ? new[] { (Access.SourceClaim, Source) } : [];
        using var client = TestAuth.Client(fixture.Http.BaseAddress, token: TestAuth.Token([role], claims));

        using var response = await client.SendAsync(Request(method, path.Replace("{patient}", _patient, StringComparison.Ordinal)));

        var status = (int)response.StatusCode;
        if (expected == "ok")
        {
            Assert.True(status is not (401 or 403), $"{role} {method} {path}: {status} {await response.Content.ReadAsStringAsync()}");
        }
        else
        {
            Assert.Equal(int.Parse(expected), status);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Theory]
    [InlineData("GET", "/api/sources")]
    [InlineData("POST", $"/api/sources/{Source}/records")]
    [InlineData("GET", "/api/patients/{patient}")]
    [InlineData("GET", "/api/models/any")]
    [InlineData("POST", "/api/models/any/predict")]
    [InlineData("GET", "/api/cluster")]
    [InlineData("GET", "/dashboard")]
    public async Task WithoutAToken_EveryApiRouteAndTheDashboard_Answer401(string method, string path)
    {
        using var anonymous = new HttpClient { BaseAddress = fixture.Http.BaseAddress };

        using var response = await anonymous.SendAsync(Request(method, path.Replace("{patient}", _patient, StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/metrics")]
    public async Task HealthAndMetrics_StayOpen(string path)
    {
        using var anonymous = new HttpClient { BaseAddress = fixture.Http.BaseAddress };

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task TokensThatMustNotGetIn_Answer401()
    {
        var options = new AuthOptions();
        string[] tokens =
        [
            TokenIssuer.Issue("another-key-that-is-long-enough-for-hs256-0000", options, "x", [Roles.Admin], TimeSpan.FromHours(1)),
            TokenIssuer.Issue(TestAuth.SigningKey, options, "x", [Roles.Admin], TimeSpan.FromMinutes(-5)),
            TokenIssuer.Issue(TestAuth.SigningKey, new AuthOptions { Audience = "someone-else" }, "x", [Roles.Admin], TimeSpan.FromHours(1)),
            TokenIssuer.Issue(TestAuth.SigningKey, new AuthOptions { Issuer = "someone-else" }, "x", [Roles.Admin], TimeSpan.FromHours(1)),
            "not-a-jwt",
        ];
        foreach (var token in tokens)
        {
            using var client = TestAuth.Client(fixture.Http.BaseAddress, token: token);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/sources")).StatusCode);
        }
    }

    [Fact]
    public async Task ARestrictedClinician_SeesItsPatients_AndOthersAreUnknown()
    {
        using var restricted = TestAuth.Client(fixture.Http.BaseAddress, token: TestAuth.Token([Roles.Clinician], (Access.PatientClaim, "some-other-patient")));
        using var allowed = TestAuth.Client(fixture.Http.BaseAddress, token: TestAuth.Token([Roles.Clinician], (Access.PatientClaim, _patient)));

        // Refused exactly like a patient that does not exist: the same 404, so existence does not leak.
        var refused = await restricted.GetAsync($"/api/patients/{_patient}");
        var missing = await restricted.GetAsync("/api/patients/no-such-patient");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await restricted.GetAsync($"/api/patients?source={Source}&localId=auth-p1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await restricted.GetAsync($"/api/patients/{_patient}/predictions/no-model")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await allowed.GetAsync($"/api/patients/{_patient}")).StatusCode);
    }

    [Theory]
    [InlineData("user/*.read", false, HttpStatusCode.OK)]
    [InlineData("user/Observation.read", false, HttpStatusCode.OK)]
    [InlineData("patient/*.read", true, HttpStatusCode.OK)]
    [InlineData("patient/*.rs", true, HttpStatusCode.OK)]
    // A patient-level scope without a launch context's patient reads nobody (answered like an unknown patient).
    [InlineData("patient/*.read", false, HttpStatusCode.NotFound)]
    [InlineData("user/*.write", false, HttpStatusCode.Forbidden)]
    [InlineData("launch openid", false, HttpStatusCode.Forbidden)]
    public async Task SmartScopes_MapOntoTheClinicianRole(string scope, bool withLaunchPatient, HttpStatusCode expected)
    {
        (string, string)[] claims = withLaunchPatient ? [("scope", scope), (Access.PatientClaim, _patient)] : [("scope", scope)];
        using var client = TestAuth.Client(fixture.Http.BaseAddress, token: TestAuth.Token([], claims));

        var status = (await client.GetAsync($"/api/patients/{_patient}")).StatusCode;

        Assert.Equal(expected, status);
    }

    [Fact]
    public async Task TheDashboard_TakesTheTokenFromTheQuery_AndKeepsItInACookieForThePagesOwnRequests()
    {
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = fixture.Http.BaseAddress };
        using var stranger = new HttpClient { BaseAddress = fixture.Http.BaseAddress };

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/dashboard?access_token={TestAuth.Token([Roles.Admin])}")).StatusCode);

        // The page's script, loaded by the browser without the query: the cookie carries the token.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/dashboard/index.min.js")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.GetAsync("/dashboard/index.min.js")).StatusCode);
    }

    private static HttpRequestMessage Request(string method, string path) => new(new HttpMethod(method), path)
    {
        Content = method is "GET" ? null : path.EndsWith("/records", StringComparison.Ordinal)
            ? Ndjson("""{"resourceType":"Patient","id":"auth-p2","name":[{"family":"Ekdahl","given":["Oscar"]}],"birthDate":"1990-06-01"}""")
            : path.EndsWith("/predict", StringComparison.Ordinal) ? new StringContent("{}\n", Encoding.UTF8, "application/x-ndjson")
            : new StringContent("{}", Encoding.UTF8, "application/json"),
    };

    private static StringContent Ndjson(string line) => new(line + "\n", Encoding.UTF8, "application/fhir+ndjson");
}
