using System.Net;
using System.Text;
using System.Text.Json;

namespace OrleansHealth.Silo.Tests.Api;

/// <summary>The ingest endpoint over real HTTP: formats, bad input as RFC 7807 problems, the silo staying healthy.</summary>
[Collection(EmbeddedSiloCollection.Name)]
public sealed class IngestApiTests(EmbeddedSiloFixture fixture)
{
    private static readonly string Data = RepositoryPaths.SharedData;

    private async Task RegisterAsync(string sourceId, string format = "fhir-json", int trust = 50)
    {
        using var response = await fixture.Http.PutAsync($"/api/sources/{sourceId}",
            JsonContent.Create(new { name = sourceId, format, trustRank = trust }));
        response.EnsureSuccessStatusCode();
    }

    private async Task<HttpResponseMessage> PostAsync(string sourceId, string body, string contentType, string query = "") =>
        await fixture.Http.PostAsync($"/api/sources/{sourceId}/records{query}", new StringContent(body, Encoding.UTF8, contentType));

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detailFragment)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(detailFragment, (await JsonAsync(response)).GetProperty("detail").GetString());
        using var ready = await fixture.Http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task Bundle_ThenResolveAndProfile_ShowTheKnownWeightWithProvenance()
    {
        await RegisterAsync("api-bundle", trust: 70);
        var bundle = await File.ReadAllTextAsync(Directory.GetFiles(Path.Combine(Data, "fhir-bundles"), "Hipolito984*.json").Single());

        using var response = await PostAsync("api-bundle", bundle, "application/fhir+json");
        var report = await JsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, report.GetProperty("rejected").GetInt32());
        Assert.Equal(1, report.GetProperty("patients").GetInt32());
        var link = JsonDocument.Parse(await fixture.Http.GetStringAsync(
            "/api/patients?source=api-bundle&localId=6b9c211c-2c38-3955-43a0-4d285c714fab")).RootElement;
        var profile = JsonDocument.Parse(await fixture.Http.GetStringAsync(link.GetProperty("profile").GetString())).RootElement;
        var weight = profile.GetProperty("observations").EnumerateArray().Single(o => o.GetProperty("code").GetString() == "29463-7");
        Assert.Equal(50.2, weight.GetProperty("latest").GetProperty("value").GetDouble());
        Assert.Equal("kg", weight.GetProperty("unit").GetString());
        var family = profile.GetProperty("demographics").GetProperty("familyName");
        Assert.Equal("Schulist381", family.GetProperty("value").GetString());
        Assert.Equal("api-bundle", family.GetProperty("source").GetProperty("sourceId").GetString());
        Assert.Equal(70, family.GetProperty("source").GetProperty("trustRank").GetInt32());
    }

    [Fact]
    public async Task TabularCsv_WithIdColumn_IsAccepted()
    {
        await RegisterAsync("api-tabular", "csv");
        var csv = "patient,Glucose,BMI\nA1,148,33.6\nA2,85,26.6\n";

        using var response = await PostAsync("api-tabular", csv, "text/csv", "?format=tabular&id=patient");
        var report = await JsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((6, 2), (report.GetProperty("accepted").GetInt32(), report.GetProperty("patients").GetInt32()));
    }

    [Fact]
    public async Task MalformedJson_IsABadRequestProblem()
    {
        await RegisterAsync("api-bad-json");

        await AssertProblemAsync(await PostAsync("api-bad-json", "{\"resourceType\": \"Bundle\", ", "application/fhir+json"),
            HttpStatusCode.BadRequest, "JSON");
    }

    [Fact]
    public async Task WrongContentType_IsUnsupportedMediaType()
    {
        await RegisterAsync("api-xml");

        await AssertProblemAsync(await PostAsync("api-xml", "<Patient/>", "application/fhir+xml"),
            HttpStatusCode.UnsupportedMediaType, "'application/fhir+xml; charset=utf-8' is not supported");
    }

    [Fact]
    public async Task UnknownCsvFormat_NamesTheKnownOnes()
    {
        await RegisterAsync("api-csv-format", "csv");

        await AssertProblemAsync(await PostAsync("api-csv-format", "a,b\n1,2\n", "text/csv", "?format=hl7"),
            HttpStatusCode.BadRequest, "'hl7' is not one of them");
    }

    [Fact]
    public async Task CsvMissingRequiredColumns_NamesThem()
    {
        await RegisterAsync("api-csv-columns", "csv");

        await AssertProblemAsync(await PostAsync("api-csv-columns", "DATE,PATIENT\n2020-01-01,x\n", "text/csv", "?format=synthea-observations"),
            HttpStatusCode.BadRequest, "CODE");
    }

    [Fact]
    public async Task UnknownSource_IsNotFound()
    {
        await AssertProblemAsync(await PostAsync("never-registered-feed", "{}", "application/fhir+json"),
            HttpStatusCode.NotFound, "PUT /api/sources/never-registered-feed");
    }

    [Fact]
    public async Task PartlyBadNdjson_AcceptsTheGoodAndListsTheBad()
    {
        await RegisterAsync("api-partial", "fhir-ndjson");
        var body = string.Join('\n',
            """{"resourceType":"Patient","id":"pp1","name":[{"family":"Lind","given":["Ola"]}],"birthDate":"1990-01-01"}""",
            """{"resourceType":"Observation","id":"o1","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"29463-7"}]},"subject":{"reference":"Patient/pp1"},"valueQuantity":{"value":-5,"unit":"kg","code":"kg"}}""");

        using var response = await PostAsync("api-partial", body, "application/fhir+ndjson");
        var report = await JsonAsync(response);
        var quarantine = JsonDocument.Parse(await fixture.Http.GetStringAsync("/api/sources/api-partial/quarantine")).RootElement;

        Assert.Equal((1, 1), (report.GetProperty("accepted").GetInt32(), report.GetProperty("rejected").GetInt32()));
        var error = report.GetProperty("errors").EnumerateArray().Single();
        Assert.Equal(2, error.GetProperty("line").GetInt32());
        Assert.Equal("body weight -5 kg is impossible (plausible 0.2–700 kg)", error.GetProperty("reason").GetString());
        Assert.Equal(1, quarantine.GetProperty("total").GetInt32());
        Assert.Equal("impossible-value", quarantine.GetProperty("items")[0].GetProperty("rule").GetString());
    }
}
