using System.Net;
using System.Text;
using System.Text.Json;
using OrleansHealth.Silo.Audit;
using OrleansHealth.Silo.Security;

namespace OrleansHealth.Silo.Tests.Api;

/// <summary><c>GET /api/patients/search</c> over real HTTP: by family name through the identity blocks, ranked, validated, restricted and audited.</summary>
[Collection(EmbeddedSiloCollection.Name)]
public sealed class PatientSearchApiTests(EmbeddedSiloFixture fixture) : IAsyncLifetime
{
    private const string Source = "search-feed";
    private const string Searcher = "dr-search";
    private readonly Dictionary<string, string> _patients = [];

    public async Task InitializeAsync()
    {
        (await fixture.Http.PutAsJsonAsync($"/api/sources/{Source}", new { name = Source, format = "fhir-ndjson", trustRank = 50 })).EnsureSuccessStatusCode();
        const string lines = """
            {"resourceType":"Patient","id":"s-astrid","name":[{"family":"Quennell","given":["Astrid"]}],"gender":"female","birthDate":"1950-03-04"}
            {"resourceType":"Patient","id":"s-bertil","name":[{"family":"Quennell","given":["Bertil"]}],"gender":"male","birthDate":"1980-07-08"}
            {"resourceType":"Patient","id":"s-carl","name":[{"family":"Thorvaldsen","given":["Carl"]}],"gender":"male","birthDate":"1962-01-01"}
            """;
        (await fixture.Http.PostAsync($"/api/sources/{Source}/records", new StringContent(lines + "\n", Encoding.UTF8, "application/fhir+ndjson"))).EnsureSuccessStatusCode();
        foreach (var localId in new[] { "s-astrid", "s-bertil", "s-carl" })
        {
            var link = JsonDocument.Parse(await fixture.Http.GetStringAsync($"/api/patients?source={Source}&localId={localId}")).RootElement;
            _patients[localId] = link.GetProperty("patientId").GetString()!;
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<JsonElement> SearchAsync(string query, HttpClient? client = null)
    {
        using var response = await (client ?? fixture.Http).GetAsync($"/api/patients/search?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static List<string> Ids(JsonElement view) => [.. view.GetProperty("patients").EnumerateArray().Select(p => p.GetProperty("patientId").GetString()!)];

    [Fact]
    public async Task ByFamilyName_FindsItsPatientsOnly_WithTheirDemographics()
    {
        var view = await SearchAsync("name=quennell");

        Assert.Equal([_patients["s-astrid"], _patients["s-bertil"]], Ids(view));
        Assert.Equal("quennell", view.GetProperty("name").GetString());
        Assert.False(view.GetProperty("truncated").GetBoolean());
        var astrid = view.GetProperty("patients")[0];
        Assert.Equal(("Quennell", "Astrid", "1950-03-04", "Female"),
            (astrid.GetProperty("familyName").GetString(), astrid.GetProperty("givenNames").GetString(), astrid.GetProperty("birthDate").GetString(), astrid.GetProperty("sex").GetString()));
    }

    [Fact]
    public async Task GivenAndBirthDate_NarrowTheRanking_AndAYearTheBlocksRead()
    {
        Assert.Equal([_patients["s-bertil"], _patients["s-astrid"]], Ids(await SearchAsync("name=Quennell&given=ber")));
        Assert.Equal([_patients["s-bertil"]], Ids(await SearchAsync("name=Quennell&birthDate=1980")));
        Assert.Equal([_patients["s-bertil"]], Ids(await SearchAsync("name=Quennell&birthDate=1980-07-08")));
    }

    [Fact]
    public async Task AMisspeltFamilyName_WithTheSameSoundex_StillFindsThem()
    {
        Assert.Equal([_patients["s-astrid"], _patients["s-bertil"]], Ids(await SearchAsync("name=Quenel")));
    }

    [Theory]
    [InlineData("given=Astrid", "name")]
    [InlineData("name=%20", "name")]
    [InlineData("name=Quennell&birthDate=03/04/1950", "birthDate")]
    [InlineData("name=Quennell&birthDate=1850", "birthDate")]
    public async Task WithoutAName_OrWithABadBirthDate_IsAValidationProblem(string query, string field)
    {
        using var response = await fixture.Http.GetAsync($"/api/patients/search?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task ARestrictedClinician_FindsOnlyItsPatients()
    {
        using var restricted = TestAuth.Client(fixture.Http.BaseAddress, token: TestAuth.Token([Roles.Clinician], (Access.PatientClaim, _patients["s-bertil"])));
        using var nobody = TestAuth.Client(fixture.Http.BaseAddress, token: TestAuth.Token([Roles.Clinician], (Access.PatientClaim, Access.NoPatient)));

        Assert.Equal([_patients["s-bertil"]], Ids(await SearchAsync("name=Quennell", restricted)));
        var none = await SearchAsync("name=Quennell", nobody);
        Assert.Empty(Ids(none));
        Assert.False(none.GetProperty("truncated").GetBoolean());
    }

    [Fact]
    public async Task EachPatientListed_IsAuditedAsSearched()
    {
        using var client = TestAuth.Client(fixture.Http.BaseAddress, token: TestAuth.TokenFor(Searcher, [Roles.Clinician]));
        await SearchAsync("name=Quennell", client);

        using var audit = await fixture.Http.GetAsync($"/api/audit?action={AuditActions.PatientSearch}&actor={Searcher}&limit=1000");
        audit.EnsureSuccessStatusCode();
        var events = JsonDocument.Parse(await audit.Content.ReadAsStringAsync()).RootElement.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(new[] { _patients["s-astrid"], _patients["s-bertil"] }.Order(StringComparer.Ordinal),
            events.Select(e => e.GetProperty("patientId").GetString()).Order(StringComparer.Ordinal));
    }
}
