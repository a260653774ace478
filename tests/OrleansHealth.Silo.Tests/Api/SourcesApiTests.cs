using System.Net;
using System.Text.Json;

namespace OrleansHealth.Silo.Tests.Api;

[Collection(EmbeddedSiloCollection.Name)]
public sealed class SourcesApiTests(EmbeddedSiloFixture fixture)
{
    [Fact]
    public async Task Put_NewSource_IsCreatedThenUpdatedAndListed()
    {
        using var created = await fixture.Http.PutAsync("/api/sources/ehr-st-mary",
            JsonContent.Create(new { name = "St Mary EHR", format = "fhir-json", trustRank = 80 }));
        using var updated = await fixture.Http.PutAsync("/api/sources/ehr-st-mary",
            JsonContent.Create(new { name = "St Mary EHR (R4)", format = "fhir-ndjson", trustRank = 70 }));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/sources/ehr-st-mary", created.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);

        using var one = JsonDocument.Parse(await fixture.Http.GetStringAsync("/api/sources/ehr-st-mary"));
        Assert.Equal("St Mary EHR (R4)", one.RootElement.GetProperty("name").GetString());
        Assert.Equal("fhir-ndjson", one.RootElement.GetProperty("format").GetString());
        Assert.Equal(70, one.RootElement.GetProperty("trustRank").GetInt32());

        using var all = JsonDocument.Parse(await fixture.Http.GetStringAsync("/api/sources"));
        Assert.Contains(all.RootElement.EnumerateArray(), s => s.GetProperty("sourceId").GetString() == "ehr-st-mary");
    }

    [Fact]
    public async Task Put_InvalidRegistration_IsAProblemNamingEachField()
    {
        using var response = await fixture.Http.PutAsync("/api/sources/lab-x",
            JsonContent.Create(new { name = "", format = "hl7v2", trustRank = 500 }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.Equal(["format", "name", "trustRank"], errors.EnumerateObject().Select(p => p.Name).Order().ToArray());
    }

    [Fact]
    public async Task Put_MalformedJson_IsABadRequestProblem()
    {
        using var response = await fixture.Http.PutAsync("/api/sources/lab-y",
            new StringContent("{\"name\": ", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Get_UnknownSource_IsANotFoundProblemThatSaysHowToRegister()
    {
        using var response = await fixture.Http.GetAsync("/api/sources/never-registered");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("No source 'never-registered' is registered; register it with PUT /api/sources/never-registered.",
            problem.RootElement.GetProperty("detail").GetString());
    }
}
